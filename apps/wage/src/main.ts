import { startContextService } from '#casework-runtime';
import { runService } from '#ops';

/** The wage context as its own process (the distributed runtime; README "Running on many machines"). */
runService('wage-service', () => startContextService('wage'));
