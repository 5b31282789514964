import { startContextService } from '#casework-runtime';
import { runService } from '#ops';

/** The hotline context as its own process (the distributed runtime; README "Running on many machines"). */
runService('hotline-service', () => startContextService('hotline'));
