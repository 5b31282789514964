import { startContextService } from '../../casework/src/distributed/context-service.js';
import { runService } from '#ops';

/** The wage context as its own process (the distributed runtime; README "Running on many machines"). */
runService('wage-service', () => startContextService('wage'));
