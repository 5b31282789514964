import { runService } from '#ops';
import { startKafkaProjector } from '#casework-runtime';

/**
 * The process managers as their own process (distributed runtime): each a Kafka consumer group that
 * turns one context's events into another context's commands, appended once whatever is redelivered.
 */
runService('process-managers', () => startKafkaProjector('process-managers'));
