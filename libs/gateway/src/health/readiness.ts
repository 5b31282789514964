import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { formatLogPosition, type EventStore } from '#event-store';

/**
 * Ready means this process's database and event store answer (the gateway's and every context
 * service's `/ready`); otherwise 503 with the kind of failure — never its text, which may quote values.
 */
export async function readiness(dataSource: DataSource, store: EventStore, response: Response, about: Record<string, string> = {}) {
  try {
    await dataSource.query('SELECT 1');
    return { status: 'ready', ...about, store: formatLogPosition(await store.headPosition()) };
  } catch (error) {
    response.status(503);
    return { status: 'not_ready', ...about, reason: error instanceof Error ? error.name : 'error' };
  }
}
