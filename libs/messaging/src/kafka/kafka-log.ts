import { logLevel, type logCreator } from 'kafkajs';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export const KAFKA_LOG_LEVELS: Readonly<Record<KafkaLogLevel, logLevel>> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * Fields of a kafkajs log entry that describe where something happened, never what a message held:
 * values and keys may carry personal data (ADR 0007), so everything else is dropped.
 */
const WHERE_FIELDS = ['clientId', 'broker', 'groupId', 'memberId', 'topic', 'partition', 'offset', 'retryCount', 'retryTime', 'type'];

/**
 * kafkajs logs every error answer of the broker at ERROR, also those it retries and gets past
 * ("The coordinator is loading", "not the leader" while a topic is new). Those count as warnings
 * here: a failure that matters still rejects a call or stops a consumer, and is logged as an error.
 */
function levelOf(namespace: string, level: logLevel, message: string): logLevel {
  return namespace === 'Connection' && level === logLevel.ERROR && message.startsWith('Response ') ? logLevel.WARN : level;
}

/** One line per kafkajs log entry: its namespace, its message, and only the fields named above. */
export const kafkaLogLine: logCreator = (configured) => ({ namespace, level, log }) => {
  const effective = levelOf(namespace, level, log.message);
  if (effective > configured) return;
  const where: Record<string, unknown> = {};
  for (const field of WHERE_FIELDS) if (log[field] !== undefined) where[field] = log[field];
  if (log.error !== undefined) where.error = log.error instanceof Error ? log.error.message : String(log.error);
  const line = `kafkajs ${namespace}: ${log.message} ${JSON.stringify(where)}`;
  if (effective === logLevel.ERROR) console.error(line);
  else if (effective === logLevel.WARN) console.warn(line);
  else console.info(line);
};
