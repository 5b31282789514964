import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CalendarDayChange } from '#calendar';
import { deterministicUuid, handleCommand } from '#command-handling';
import type { Decider } from '#decider';
import type { EventStore } from '#event-store';
import type { ComplaintDecider } from '#hotline';
import type { HardshipDecider } from '#hardship';
import type { WageCaseDecider } from '#wage-recovery';
import { complaintStream } from '#hotline';
import { wageCaseStream } from '#wage-recovery';
import { hardshipFileStream } from '#hardship';

/** The system actor of recomputations: events it records say that no person moved the deadline. */
export const CALENDAR_SYSTEM_ACTOR = { userId: 'system:calendar', role: 'system', orgUnitId: 'system' };

export interface DeadlineRecomputationDependencies {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly complaints: ComplaintDecider;
  readonly wageCases: WageCaseDecider;
  readonly hardshipFiles: HardshipDecider;
  readonly clock: () => Date;
}

export interface RecomputationReport {
  /** Open cases asked to recount. */
  readonly casesChecked: number;
  /** Cases whose deadlines moved (one `DeadlinesRecomputed` event each). */
  readonly casesRecomputed: number;
  /** Cases that could not be recomputed now (a concurrent write); entering the notice again retries them. */
  readonly failed: readonly string[];
}

type AnyDecider = Decider<{ type: 'RecomputeDeadlines'; data: { reason: string; changes: readonly CalendarDayChange[] } }, never, unknown>;

/**
 * 期限重算: after the working calendar changed, every open case whose deadlines are counted in
 * working days is asked, through its own decider, to recount them. The decider decides what moves;
 * this only finds the cases (from the case list) and runs the command as the system.
 */
export async function recomputeOpenDeadlines(deps: DeadlineRecomputationDependencies, changes: readonly CalendarDayChange[], reason: string): Promise<RecomputationReport> {
  if (changes.length === 0) return { casesChecked: 0, casesRecomputed: 0, failed: [] };
  const rows: { case_id: string; kind: string }[] = await deps.dataSource.query(
    `SELECT case_id, kind FROM case_list
      WHERE is_open AND (kind IN ('complaint', 'wage_case') OR (kind = 'hardship_file' AND status = 'in_notice'))
      ORDER BY case_id`,
  );
  const now = deps.clock();
  const change = randomUUID();
  let recomputed = 0;
  const failed: string[] = [];
  for (const row of rows) {
    const [decider, stream] = target(deps, row.kind, row.case_id);
    const commandId = deterministicUuid(row.case_id, 'recompute-deadlines', change);
    try {
      const { events } = await handleCommand(
        deps.store,
        decider,
        stream,
        { type: 'RecomputeDeadlines', data: { reason, changes } },
        { actor: CALENDAR_SYSTEM_ACTOR, commandId, correlationId: change, causationId: commandId, now },
      );
      if (events.length > 0) recomputed += 1;
    } catch {
      failed.push(row.case_id);
    }
  }
  return { casesChecked: rows.length, casesRecomputed: recomputed, failed };
}

function target(deps: DeadlineRecomputationDependencies, kind: string, caseId: string): [AnyDecider, string] {
  switch (kind) {
    case 'complaint':
      return [deps.complaints as unknown as AnyDecider, complaintStream(caseId)];
    case 'wage_case':
      return [deps.wageCases as unknown as AnyDecider, wageCaseStream(caseId)];
    default:
      return [deps.hardshipFiles as unknown as AnyDecider, hardshipFileStream(caseId)];
  }
}
