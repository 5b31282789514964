/**
 * The checks after the run: that no refused request wrote an event, that every projection runs
 * with nothing parked and catches up, and (for the report) what the server logged for each 5xx.
 */
import { Logger, type LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { FuzzRequest } from './fuzz-request.js';
import { requestTag, sendRequest, type FuzzAnswer } from './send-requests.js';
import type { FuzzWorld } from './fuzz-world.js';
import { dedupe, keyOf, type Finding } from './fuzz-verdicts.js';

/**
 * Events each request wrote, by its number. Each request's tag is its correlation id and, for
 * commands, its Idempotency-Key (the command id); events of process managers keep the correlation.
 * One query for the whole run: cheaper than reading the head around every request, and exact
 * under concurrency.
 */
export async function eventsByRequest(dataSource: DataSource, seed: number, requests: readonly FuzzRequest[]): Promise<Map<number, number>> {
  const byTag = new Map(requests.map((r) => [requestTag(seed, r.n), r.n]));
  const rows: { tag: string; events: string }[] = await dataSource.query(
    `SELECT tag, count(*) AS events FROM (
       SELECT metadata->>'correlationId' AS tag FROM event_store.events WHERE metadata->>'correlationId' = ANY($1)
       UNION ALL
       SELECT metadata->>'commandId' AS tag FROM event_store.events WHERE metadata->>'commandId' = ANY($1) AND metadata->>'correlationId' IS DISTINCT FROM metadata->>'commandId'
     ) tagged GROUP BY tag`,
    [[...byTag.keys()]],
  );
  return new Map(rows.map((row) => [byTag.get(row.tag)!, Number(row.events)]));
}

export interface ProjectionHealth {
  readonly name: string;
  readonly state: string;
  readonly lagEvents: number;
  readonly parked?: unknown;
  readonly parkedEvents?: unknown;
}

/** How many events a projection has parked, whatever shape /health gives it (a count or a list). */
export function parkedCount(projection: ProjectionHealth): number {
  const parked = projection.parked ?? projection.parkedEvents;
  if (typeof parked === 'number') return parked;
  if (Array.isArray(parked)) return parked.length;
  if (parked && typeof parked === 'object' && typeof (parked as { count?: unknown }).count === 'number') return (parked as { count: number }).count;
  return 0;
}

/** Polls /health until every projection runs, has parked nothing and has no lag, or the time is up; returns the last answer. */
export async function settledHealth(url: string, timeoutMs = 30_000): Promise<ProjectionHealth[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(`${url}/health`)).json()) as { projections: ProjectionHealth[] };
    const settled = health.projections.every((p) => p.state === 'running' && p.lagEvents === 0 && parkedCount(p) === 0);
    if (settled || Date.now() > deadline) return health.projections;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Sends each request again, alone, and keeps the first line of what the server logged for it
 * (the exception filter logs an unhandled error's type and stack): the lead's pointer to the cause.
 */
export async function replayForServerLog(world: FuzzWorld, seed: number, requests: readonly FuzzRequest[]): Promise<Map<number, string>> {
  const lines: string[] = [];
  const capture: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    error: (message: unknown, ...rest: unknown[]) => {
      const stack = rest.find((part) => typeof part === 'string' && part.includes(' at ')) as string | undefined;
      const frame = stack?.split('\n').map((l) => l.trim()).find((l) => l.startsWith('at ') && !l.includes('node_modules')) ?? stack?.split('\n')[0]?.trim() ?? '';
      lines.push(`${String(message)} ${frame}`.trim());
    },
  };
  const found = new Map<number, string>();
  Logger.overrideLogger(capture);
  try {
    for (const request of requests) {
      lines.length = 0;
      const answer: FuzzAnswer = await sendRequest(world, seed + 1, request);
      found.set(request.n, lines[0] ?? `(nothing logged; status ${answer.status})`);
    }
  } finally {
    Logger.overrideLogger(['error']);
  }
  return found;
}

/** The findings with each 5xx's line replaced by what the server logged when its first request was sent again. */
export async function withServerLogLines(world: FuzzWorld, seed: number, findings: readonly Finding[]): Promise<Finding[]> {
  const groups = dedupe(findings.filter((f) => f.rule === 'no-5xx' && f.status >= 500)).slice(0, 150);
  const logged = await replayForServerLog(world, seed, groups.map((g) => g.first.request));
  const lineByKey = new Map(groups.map((g) => [g.key, logged.get(g.first.request.n)]));
  return findings.map((f) => {
    const line = f.rule === 'no-5xx' ? lineByKey.get(keyOf(f)) : undefined;
    return line ? { ...f, line } : f;
  });
}

/** Silences the server's error log during the run (a 5xx is reported once per kind, with its replayed log line). */
export function muteServerLog(): void {
  Logger.overrideLogger({ log: () => undefined, warn: () => undefined, error: () => undefined });
}
