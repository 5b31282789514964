import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { listSearchCondition, type ListSearch } from '#read-models';
import { DATA_SOURCE } from '#service-tokens';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { ACCESS_LOG_SCHEMA_SQL } from './access-log.schema.js';

/** `preview` and `download`: an attachment's bytes were read (issue 19). */
export type AccessAction = 'view' | 'reveal' | 'erase' | 'preview' | 'download';

export interface AccessEntry {
  readonly at: Date;
  readonly user: AuthenticatedUser;
  readonly action: AccessAction;
  readonly caseKind: string | null;
  readonly caseId: string | null;
  readonly field?: string;
  readonly reason?: string;
}

export interface AccessLogFilter {
  /** The supervisor's subtree: entries about cases of these units, or by users of these units. */
  readonly unitIds: readonly string[];
  readonly caseId?: string;
  readonly userId?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** The search box: the case (as the case list's search finds it, or its title) or the user by name. */
  readonly search?: ListSearch;
}

/** The newest entries first, at most this many per answer. */
export const ACCESS_LOG_PAGE = 1000;

/** The access log: one insert per entry, read by supervisors for their subtree. */
@Injectable()
export class AccessLog implements OnModuleInit {
  private readonly logger = new Logger('AccessLog');

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.query(ACCESS_LOG_SCHEMA_SQL);
  }

  /** Writes the entries in one statement; throws if it cannot (a reveal is refused rather than left unlogged). */
  async record(entries: readonly AccessEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => ({
      at: e.at.toISOString(), user_id: e.user.userId, username: e.user.username, role: e.user.role, unit_id: e.user.orgUnitId,
      action: e.action, case_kind: e.caseKind, case_id: e.caseId, field: e.field ?? null, reason: e.reason ?? null,
    }));
    await this.dataSource.query(
      `INSERT INTO access_log (at, user_id, username, role, unit_id, action, case_kind, case_id, field, reason)
       SELECT at, user_id, username, role, unit_id, action, case_kind, case_id, field, reason
         FROM jsonb_to_recordset($1::jsonb) AS r(at timestamptz, user_id text, username text, role text, unit_id text,
              action text, case_kind text, case_id text, field text, reason text)`,
      [JSON.stringify(rows)],
    );
  }

  /** For views: a failure must not fail the answer, but is never silent (ids only in the log line). */
  async recordOrReport(entry: AccessEntry): Promise<void> {
    try {
      await this.record([entry]);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      this.logger.error(`Access log entry lost: ${entry.action} of ${entry.caseKind} ${entry.caseId} by user ${entry.user.userId} (${error instanceof Error ? error.name : 'error'} ${code})`);
    }
  }

  async query(filter: AccessLogFilter) {
    const params: unknown[] = [filter.unitIds, filter.caseId ?? null, filter.userId ?? null, filter.from ?? null, filter.to ?? null];
    const searched = filter.search ? `AND ${listSearchCondition(filter.search, params, { caseId: 'a.case_id', plain: ['lc.title', 'u.display_name', 'a.username'] })}` : '';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.at, a.user_id, a.username, a.role, a.unit_id, a.action, a.case_kind, a.case_id, a.field, a.reason,
              lc.case_number, u.display_name
         FROM access_log a
         LEFT JOIN case_list lc ON lc.case_id = a.case_id
         LEFT JOIN users u ON u.id::text = a.user_id
        WHERE ($2::text IS NULL OR a.case_id = $2) AND ($3::text IS NULL OR a.user_id = $3)
          AND ($4::timestamptz IS NULL OR a.at >= $4) AND ($5::timestamptz IS NULL OR a.at <= $5)
          AND (a.unit_id = ANY($1) OR EXISTS (SELECT 1 FROM case_list c
                WHERE c.case_id = a.case_id AND (c.unit_id = ANY($1) OR c.opened_by_unit_id = ANY($1)))) ${searched}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ${ACCESS_LOG_PAGE}`,
      params,
    );
    return rows.map((row) => ({
      at: (row.at as Date).toISOString(),
      userId: row.user_id as string,
      username: row.username as string,
      /** Who it was by name (null for a user no longer in the directory). */
      userName: (row.display_name as string | null) ?? null,
      role: row.role as string,
      unitId: row.unit_id as string,
      action: row.action as AccessAction,
      caseKind: row.case_kind as string | null,
      caseId: row.case_id as string | null,
      caseNumber: (row.case_number as string | null) ?? null,
      ...(row.field ? { field: row.field as string } : {}),
      ...(row.reason ? { reason: row.reason as string } : {}),
    }));
  }
}
