import { startContextService } from '#casework-runtime';
import { runService } from '#ops';

/** The mediation context as its own process (the distributed runtime; README "Running on many machines"). */
runService('mediation-service', () => startContextService('mediation'));
