/**
 * 案件编号: the number people read aloud for a case, unique in its kind and year (DOMAIN.md, "Working
 * with it every day"): `RX-2026-000123` (热线工单), `QX-2026-00045` (欠薪案件), `KN-410105-2026-0012`
 * (困难职工档案, numbered per district), `TJ-2026-0031` (调解案件). It is given when the case is created
 * and recorded in its first event; the UUID stays internal. Numbers only grow: one taken by a command
 * that then failed is not given again, so a series may have gaps.
 */
export type NumberedCaseKind = 'complaint' | 'wage_case' | 'hardship_file' | 'mediation_case';

interface KindFormat {
  readonly prefix: string;
  /** Digits of the sequence at least (more when a year outgrows them). */
  readonly digits: number;
  readonly perDistrict: boolean;
}

const FORMATS: Record<NumberedCaseKind, KindFormat> = {
  complaint: { prefix: 'RX', digits: 6, perDistrict: false },
  wage_case: { prefix: 'QX', digits: 5, perDistrict: false },
  hardship_file: { prefix: 'KN', digits: 4, perDistrict: true },
  mediation_case: { prefix: 'TJ', digits: 4, perDistrict: false },
};

/** The series a new case draws its number from: kind, (district,) year — e.g. `KN-410105-2026`. */
export function caseNumberSeries(kind: NumberedCaseKind, year: number, districtId?: string): string {
  const format = FORMATS[kind];
  if (!Number.isInteger(year) || year < 1990 || year > 9999) throw new RangeError(`Not a year for a case number: ${year}`);
  if (!format.perDistrict) return `${format.prefix}-${year}`;
  if (!districtId || !/^\d{6}$/.test(districtId)) throw new RangeError(`A ${kind} number needs the six-digit code of its district`);
  return `${format.prefix}-${districtId}-${year}`;
}

/** The `sequence`th number of `series`: `RX-2026` and 123 give `RX-2026-000123`. */
export function formatCaseNumber(series: string, sequence: number): string {
  const kind = (Object.keys(FORMATS) as NumberedCaseKind[]).find((k) => series.startsWith(`${FORMATS[k].prefix}-`));
  if (!kind || !Number.isInteger(sequence) || sequence < 1) throw new RangeError(`No case number ${sequence} in series ${series}`);
  return `${series}-${String(sequence).padStart(FORMATS[kind].digits, '0')}`;
}

/** True for text shaped like a case number or the start of one (`RX-2026-0001`, `kn-410105`), as typed in a search box. */
export function looksLikeCaseNumber(text: string): boolean {
  return /^(RX|QX|KN|TJ)(-[0-9]{0,6}){0,3}$/i.test(text.trim()) && text.trim().length >= 3;
}

/** The year of a case number's series as the creating event records it: the Shanghai calendar year of `at`. */
export function shanghaiYearOf(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** The number a case's creating event recorded (the first of its stream); null for a case created before numbers were given. */
export function caseNumberOf(creating: { readonly data: unknown } | undefined): string | null {
  const number = (creating?.data as { caseNumber?: unknown } | undefined)?.caseNumber;
  return typeof number === 'string' ? number : null;
}
