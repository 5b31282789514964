import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { ValidationError } from '#errors';
import { checkPovertyLine, EVERY_DISTRICT, type PovertyLines } from '#hardship';

export const POVERTY_LINES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS poverty_lines (
  district text NOT NULL,
  year int NOT NULL,
  line bigint NOT NULL CHECK (line > 0),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (district, year)
);
CREATE TABLE IF NOT EXISTS poverty_line_changes (
  id bigserial PRIMARY KEY,
  district text NOT NULL,
  year int NOT NULL,
  before bigint,
  after bigint NOT NULL,
  reason text NOT NULL,
  changed_by jsonb NOT NULL,
  changed_at timestamptz NOT NULL
);`;

export interface PovertyLine {
  readonly district: string;
  readonly year: number;
  /** Fen per head and month. */
  readonly line: number;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export interface PovertyLineChange {
  readonly district: string;
  readonly year: number;
  readonly before: number | null;
  readonly after: number;
  readonly reason: string;
  readonly changedBy: { readonly userId: string; readonly username: string };
  readonly changedAt: string;
}

const SEEDED_BY = { userId: 'system', username: 'POVERTY_LINES_FILE' };

/**
 * 低保标准: the local minimum-living lines by district and year as administrators keep them, in
 * PostgreSQL, and in memory for the hardship decider (the `PovertyLines` port). Every change is kept
 * with who, when and why. A line is looked up for the district, else for `*` (every district).
 */
export class PovertyLineBook implements PovertyLines {
  private lines = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the tables, takes in the lines of `seedFile` (POVERTY_LINES_FILE,
   * `{"410105": {"2026": 105000}, "*": {"2026": 100000}}`) that are not recorded yet, and loads.
   */
  async ensureSchemaAndLoad(seedFile?: string): Promise<void> {
    await this.dataSource.query(POVERTY_LINES_SCHEMA_SQL);
    if (seedFile) {
      const byDistrict: Record<string, Record<string, number>> = JSON.parse(readFileSync(seedFile, 'utf8'));
      for (const [district, years] of Object.entries(byDistrict)) {
        for (const [year, line] of Object.entries(years)) {
          const violations = checkPovertyLine({ district, year: Number(year), line, reason: 'seed' });
          if (violations.length > 0) throw new Error(`POVERTY_LINES_FILE ${district}/${year}: ${violations.map((v) => v.message).join('；')}`);
          const [exists] = await this.dataSource.query('SELECT 1 FROM poverty_lines WHERE district = $1 AND year = $2', [district, Number(year)]);
          if (!exists) await this.record({ district, year: Number(year), line, reason: `从 ${seedFile} 导入` }, SEEDED_BY, new Date());
        }
      }
    }
    await this.reload();
  }

  lineFor(district: string, year: number): number | undefined {
    return this.lines.get(`${district}/${year}`) ?? this.lines.get(`${EVERY_DISTRICT}/${year}`);
  }

  async list(): Promise<PovertyLine[]> {
    const rows: { district: string; year: number; line: string; updated_by: string; updated_at: Date }[] = await this.dataSource.query(
      'SELECT district, year, line, updated_by, updated_at FROM poverty_lines ORDER BY year DESC, district',
    );
    return rows.map((r) => ({ district: r.district, year: r.year, line: Number(r.line), updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() }));
  }

  async changes(): Promise<PovertyLineChange[]> {
    const rows: { district: string; year: number; before: string | null; after: string; reason: string; changed_by: PovertyLineChange['changedBy']; changed_at: Date }[] = await this.dataSource.query(
      'SELECT district, year, before, after, reason, changed_by, changed_at FROM poverty_line_changes ORDER BY id DESC LIMIT 500',
    );
    return rows.map((r) => ({ district: r.district, year: r.year, before: r.before === null ? null : Number(r.before), after: Number(r.after), reason: r.reason, changedBy: r.changed_by, changedAt: r.changed_at.toISOString() }));
  }

  /** Records a line (new or changed) with the change that explains it, in one transaction; a bad entry names every bad field. */
  async set(entry: { district: string; year: number; line: unknown; reason: unknown }, by: { userId: string; username: string }, at: Date): Promise<PovertyLine> {
    const violations = checkPovertyLine(entry);
    if (violations.length > 0) throw new ValidationError(violations);
    await this.record({ ...entry, line: entry.line as number, reason: String(entry.reason) }, by, at);
    await this.reload();
    return { district: entry.district, year: entry.year, line: entry.line as number, updatedBy: by.username, updatedAt: at.toISOString() };
  }

  private async record(entry: { district: string; year: number; line: number; reason: string }, by: { userId: string; username: string }, at: Date): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [before]: { line: string }[] = await tx.query('SELECT line FROM poverty_lines WHERE district = $1 AND year = $2 FOR UPDATE', [entry.district, entry.year]);
      await tx.query(
        `INSERT INTO poverty_lines (district, year, line, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (district, year) DO UPDATE SET line = EXCLUDED.line, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [entry.district, entry.year, entry.line, by.username, at],
      );
      await tx.query(
        'INSERT INTO poverty_line_changes (district, year, before, after, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [entry.district, entry.year, before ? Number(before.line) : null, entry.line, entry.reason, JSON.stringify(by), at],
      );
    });
  }

  private async reload(): Promise<void> {
    const rows: { district: string; year: number; line: string }[] = await this.dataSource.query('SELECT district, year, line FROM poverty_lines');
    this.lines = new Map(rows.map((r) => [`${r.district}/${r.year}`, Number(r.line)]));
  }
}
