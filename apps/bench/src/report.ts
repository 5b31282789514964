import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A target a figure must meet: at least (`>=`) or at most (`<=`) `value`, in the figure's unit. */
export interface Target {
  readonly op: '>=' | '<=';
  readonly value: number;
}

export interface Figure {
  /** The numbered item of the brief it belongs to, e.g. "1. Event store appends". */
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** `null` for a figure reported for context only. */
  readonly target: Target | null;
  readonly pass: boolean | null;
  readonly note?: string;
}

export interface BenchResults {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: Record<string, unknown>;
  readonly postgres: Record<string, string>;
  readonly figures: readonly Figure[];
  readonly summary: { readonly passed: number; readonly failed: number };
}

export function figure(section: string, name: string, value: number, unit: string, target: Target | null, note?: string): Figure {
  const pass = target === null || Number.isNaN(value) ? (target === null ? null : false) : target.op === '>=' ? value >= target.value : value <= target.value;
  return { section, name, value, unit, target, pass, ...(note ? { note } : {}) };
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The figures as a fixed-width table, grouped by section. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => ({
    section: f.section,
    name: f.name,
    value: formatValue(f.value),
    unit: f.unit,
    target: f.target ? `${f.target.op} ${formatValue(f.target.value)}` : '',
    result: f.pass === null ? 'info' : f.pass ? 'PASS' : 'FAIL',
    note: f.note ?? '',
  }));
  const width = (key: 'name' | 'value' | 'unit' | 'target' | 'result') => Math.max(key.length, ...rows.map((row) => row[key].length));
  const w = { name: width('name'), value: width('value'), unit: width('unit'), target: width('target'), result: width('result') };
  const line = (r: { name: string; value: string; unit: string; target: string; result: string; note: string }) =>
    `  ${r.name.padEnd(w.name)}  ${r.value.padStart(w.value)}  ${r.unit.padEnd(w.unit)}  ${r.target.padEnd(w.target)}  ${r.result.padEnd(w.result)}  ${r.note}`.trimEnd();
  const out: string[] = [line({ name: 'figure', value: 'value', unit: 'unit', target: 'target', result: 'result', note: 'note' })];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      out.push(section);
    }
    out.push(line(row));
  }
  return out.join('\n');
}

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
