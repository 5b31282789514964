/**
 * One backup file: gzip of UTF-8 lines, each a JSON value.
 *   1. the header: format, version, created at, the master key's fingerprint;
 *   2. per table a section: `{table, columns, rows?: filter}`, then one JSON array per row (every
 *      value in PostgreSQL's text form, or null), then `{end: table}`;
 *   3. the manifest: the header's fields again, each table with its row count and the SHA-256 of its
 *      section's lines, the sequences' values, and what was left out.
 * The manifest comes last because counts and digests are known only then; a restore reads the whole
 * file once to check them before it writes anything.
 */
export const BACKUP_FORMAT = 'union-casework-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  /** `keyFingerprintOf` the master key the personal data is wrapped with. */
  readonly keyFingerprint: string;
}

export interface TableColumn {
  readonly name: string;
  /** `format_type` of the column: the type its text form is cast back to. */
  readonly type: string;
}

export interface TableSection {
  /** `schema.table`. */
  readonly table: string;
  readonly columns: readonly TableColumn[];
  /** Only some rows were taken: those of process managers, in the projections' bookkeeping tables. */
  readonly rowsOf?: { readonly column: string; readonly names: readonly string[] };
}

export interface TableSummary {
  readonly table: string;
  readonly rows: number;
  /** SHA-256 (hex) of the section's lines: its `{table…}` line and every row line, each with its newline. */
  readonly sha256: string;
}

export interface SequenceValue {
  readonly table: string;
  readonly column: string;
  readonly lastValue: string;
  readonly isCalled: boolean;
}

export interface BackupManifest extends BackupHeader {
  readonly tables: readonly TableSummary[];
  readonly sequences: readonly SequenceValue[];
  /** Rebuilt from the events at restore, so not in the file: the read models and their tables. */
  readonly leftOut: { readonly readModels: readonly string[]; readonly tables: readonly string[] };
}

/** What a line of the file is, once parsed. */
export type BackupLine =
  | { readonly kind: 'header'; readonly header: BackupHeader }
  | { readonly kind: 'section'; readonly section: TableSection; readonly text: string }
  | { readonly kind: 'row'; readonly values: readonly (string | null)[]; readonly text: string }
  | { readonly kind: 'end'; readonly table: string }
  | { readonly kind: 'manifest'; readonly manifest: BackupManifest };

export const headerLine = (header: BackupHeader) => JSON.stringify(header);
export const sectionLine = (section: TableSection) => JSON.stringify(section);
export const rowLine = (values: readonly (string | null)[]) => JSON.stringify(values);
export const endLine = (table: string) => JSON.stringify({ end: table });
export const manifestLine = (manifest: BackupManifest) => JSON.stringify({ manifest });

/** Parses one line; `first` says whether it is the file's first. Throws on anything malformed. */
export function parseBackupLine(text: string, first: boolean): BackupLine {
  const value: unknown = JSON.parse(text);
  if (first) {
    const header = value as BackupHeader;
    if (header?.format !== BACKUP_FORMAT) throw new Error('not a Union Casework backup');
    return { kind: 'header', header };
  }
  if (Array.isArray(value)) {
    if (!value.every((v) => v === null || typeof v === 'string')) throw new Error('a row holds something other than text or null');
    return { kind: 'row', values: value, text };
  }
  const object = value as Record<string, unknown>;
  if (typeof object?.table === 'string' && Array.isArray(object.columns)) return { kind: 'section', section: object as unknown as TableSection, text };
  if (typeof object?.end === 'string') return { kind: 'end', table: object.end };
  if (object?.manifest && typeof object.manifest === 'object') return { kind: 'manifest', manifest: object.manifest as BackupManifest };
  throw new Error('a line of unknown kind');
}
