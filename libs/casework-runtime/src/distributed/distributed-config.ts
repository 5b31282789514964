import { KafkaMessageBroker } from '#messaging';
import { connectChosenStore, eventStoreChoiceFromEnv, type EventStore, type HashChainAudit } from '#event-store';
import { COMMAND_CONTEXTS, type ContextName } from './contexts.js';
import type { ServiceAddress } from './remote-commands.module.js';

/**
 * What every process of the distributed runtime reads from its environment (README "Running on many
 * machines"). The one-process runtime reads none of it.
 */
export interface DistributedConfig {
  /** PostgreSQL of the read models, the personal-data keys and the relay's checkpoint (and of the events, unless KurrentDB). */
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** Partitions of each event topic when the relay creates it. */
  readonly kafkaPartitions: number;
  readonly eventStore: 'postgres' | 'kurrentdb';
  readonly kurrentDbUrl?: string;
  /** Where each context service answers commands. */
  readonly services: Readonly<Record<ContextName, ServiceAddress>>;
}

export function distributedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DistributedConfig {
  const databaseUrl = required(env, 'DATABASE_URL');
  const services = Object.fromEntries(
    Object.values(COMMAND_CONTEXTS).map((context) => [context.name, address(env[`${context.name.toUpperCase()}_SERVICE`], context.defaultPort, `${context.name.toUpperCase()}_SERVICE`)]),
  ) as Record<ContextName, ServiceAddress>;
  return {
    databaseUrl,
    kafkaBrokers: required(env, 'KAFKA_BROKERS').split(',').map((broker) => broker.trim()).filter(Boolean),
    kafkaPartitions: env.KAFKA_PARTITIONS ? positive(env.KAFKA_PARTITIONS, 'KAFKA_PARTITIONS') : 6,
    ...eventStoreChoiceFromEnv(env),
    services,
  };
}

/** The event store below the encryption, as configured: PostgreSQL (default) or KurrentDB. */
export function storeConnector(config: Pick<DistributedConfig, 'eventStore' | 'kurrentDbUrl'>): (databaseUrl: string) => Promise<EventStore & HashChainAudit> {
  return (databaseUrl) => connectChosenStore(config, databaseUrl);
}

/** Only the event-store part of the configuration (`EVENT_STORE`, `KURRENTDB_URL`), for tools such as the rebuild. */
export function storeConnectorFromEnv(env: NodeJS.ProcessEnv = process.env): (databaseUrl: string) => Promise<EventStore & HashChainAudit> {
  return storeConnector(eventStoreChoiceFromEnv(env));
}

export function connectBroker(config: DistributedConfig, clientId: string): Promise<KafkaMessageBroker> {
  return KafkaMessageBroker.connect({ brokers: config.kafkaBrokers, clientId, sessionTimeoutMs: 10_000 });
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required by the distributed services (README "Running on many machines")`);
  return value;
}

function positive(value: string, name: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return Number(value);
}

/** `host:port` (or a bare port on loopback); the context's default port when absent. */
function address(value: string | undefined, defaultPort: number, name: string): ServiceAddress {
  if (!value) return { host: '127.0.0.1', port: defaultPort };
  const match = /^(?:([^:]+):)?(\d+)$/.exec(value);
  if (!match) throw new Error(`${name} must be host:port, not "${value}"`);
  return { host: match[1] ?? '127.0.0.1', port: Number(match[2]) };
}
