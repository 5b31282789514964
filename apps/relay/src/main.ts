import { runService } from '#ops';
import { startRelay } from './relay.js';

/** The relay of the distributed runtime: every committed event to Kafka, from its checkpoint. */
runService('relay', () => startRelay());
