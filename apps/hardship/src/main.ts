import { startContextService } from '../../casework/src/distributed/context-service.js';
import { runService } from '#ops';

/** The hardship context as its own process (the distributed runtime; README "Running on many machines"). */
runService('hardship-service', () => startContextService('hardship'));
