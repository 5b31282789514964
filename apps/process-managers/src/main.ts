import { runService } from '#ops';
import { startKafkaProjector } from '../../projector/src/kafka-projector.js';

/**
 * The process managers as their own process (distributed runtime): each a Kafka consumer group that
 * turns one context's events into another context's commands, appended once whatever is redelivered.
 */
runService('process-managers', () => startKafkaProjector('process-managers'));
