export { KafkaMessageBroker, type KafkaConnectOptions } from './kafka-message-broker.js';
export type { KafkaLogLevel } from './kafka-log.js';
