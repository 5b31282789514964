import type { DataSource } from 'typeorm';
import { RuleBrokenError, ValidationError } from '#errors';
import { retentionDaysViolations } from '#attachments';

/**
 * 撤回附件保留期限: the days the bytes of a withdrawn file are kept before the sweep removes them, as
 * administrators set them. Every change is a row (days, why, who, when); the newest one is the value,
 * and until there is one the configuration's (ATTACHMENT_RETENTION_DAYS, default 30) stands. Read from
 * the table at each use, not cached: a change counts at once in every gateway process and its sweep.
 */
export const RETENTION_SETTING_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS attachment_retention_changes (
  id bigserial PRIMARY KEY,
  days integer NOT NULL CHECK (days > 0),
  before_days integer NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL
);
`;

export interface RetentionChange {
  readonly id: number;
  readonly days: number;
  /** The days that stood before this change (the configuration's, or an earlier administrator's). */
  readonly beforeDays: number;
  readonly reason: string;
  readonly changedBy: { readonly userId: string; readonly username: string };
  readonly changedAt: string;
}

export interface RetentionStanding {
  readonly days: number;
  /** `administrator` once any administrator has set the days; `configuration` until then. */
  readonly source: 'configuration' | 'administrator';
  /** ATTACHMENT_RETENTION_DAYS (or its default): what stands while no administrator has set the days. */
  readonly configuredDays: number;
  /** Newest first. */
  readonly changes: readonly RetentionChange[];
}

const CHANGE_LOCK = 'casework:attachment_retention';

export class AttachmentRetentionSetting {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly configuredDays: number,
  ) {}

  /** Creates the table (idempotent at every start) and answers with `configuredDays` until an administrator sets the days. */
  static async open(dataSource: DataSource, configuredDays: number): Promise<AttachmentRetentionSetting> {
    await dataSource.query(RETENTION_SETTING_SCHEMA_SQL);
    return new AttachmentRetentionSetting(dataSource, configuredDays);
  }

  /** The days in force now: what the sweep uses at each run. */
  async days(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT days FROM attachment_retention_changes ORDER BY id DESC LIMIT 1');
    return row ? Number(row.days) : this.configuredDays;
  }

  async standing(): Promise<RetentionStanding> {
    const rows: Record<string, unknown>[] = await this.dataSource.query('SELECT * FROM attachment_retention_changes ORDER BY id DESC LIMIT 1000');
    const changes = rows.map(changeOf);
    return {
      days: changes[0]?.days ?? this.configuredDays,
      source: changes.length > 0 ? 'administrator' : 'configuration',
      configuredDays: this.configuredDays,
      changes,
    };
  }

  /** Sets the days; refused (400, field `days`) outside 1–3650, and (422) when an administrator already set these very days. */
  async change(days: unknown, reason: string, by: { userId: string; username: string }, at: Date): Promise<RetentionChange> {
    const violations = retentionDaysViolations(days);
    if (violations.length > 0) throw new ValidationError(violations);
    return this.dataSource.transaction(async (manager) => {
      // One change at a time, so each row's `before_days` is the value it really replaced.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CHANGE_LOCK]);
      const [newest] = await manager.query('SELECT days FROM attachment_retention_changes ORDER BY id DESC LIMIT 1');
      // Setting the configuration's own value is a change: it keeps the days when the configuration later moves.
      if (newest && Number(newest.days) === days) throw new RuleBrokenError('retention_days_unchanged', `保留期限已经是 ${days} 天，没有需要保存的修改`);
      const [row] = await manager.query(
        `INSERT INTO attachment_retention_changes (days, before_days, reason, changed_by, changed_by_username, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [days, newest ? Number(newest.days) : this.configuredDays, reason.trim(), by.userId, by.username, at],
      );
      return changeOf(row);
    });
  }
}

function changeOf(row: Record<string, unknown>): RetentionChange {
  return {
    id: Number(row.id),
    days: Number(row.days),
    beforeDays: Number(row.before_days),
    reason: row.reason as string,
    changedBy: { userId: row.changed_by as string, username: row.changed_by_username as string },
    changedAt: (row.changed_at as Date).toISOString(),
  };
}
