import { startContextService } from '#casework-runtime';
import { runService } from '#ops';

/** The hardship context as its own process (the distributed runtime; README "Running on many machines"). */
runService('hardship-service', () => startContextService('hardship'));
