import { caseNumberSeries, formatCaseNumber, looksLikeCaseNumber, shanghaiYearOf } from './case-number.js';
import { CaseNumbers, InMemoryCaseNumberCounter } from './case-numbers.port.js';

describe('case numbers (案件编号)', () => {
  it('writes each kind in its own format, hardship files per district', () => {
    expect(formatCaseNumber(caseNumberSeries('complaint', 2026), 123)).toBe('RX-2026-000123');
    expect(formatCaseNumber(caseNumberSeries('wage_case', 2026), 45)).toBe('QX-2026-00045');
    expect(formatCaseNumber(caseNumberSeries('hardship_file', 2026, '410105'), 12)).toBe('KN-410105-2026-0012');
    expect(formatCaseNumber(caseNumberSeries('mediation_case', 2026), 31)).toBe('TJ-2026-0031');
    expect(formatCaseNumber('TJ-2026', 123_456)).toBe('TJ-2026-123456');
  });

  it('refuses a hardship series without a district and numbers below one', () => {
    expect(() => caseNumberSeries('hardship_file', 2026)).toThrow(RangeError);
    expect(() => formatCaseNumber('RX-2026', 0)).toThrow(RangeError);
  });

  it('takes the year on the Shanghai calendar: 16:30 UTC on 31 December is already next year', () => {
    expect(shanghaiYearOf(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(shanghaiYearOf(new Date('2025-12-31T15:59:00Z'))).toBe(2025);
  });

  it('numbers a series on from one, separately for each series', async () => {
    const numbers = new CaseNumbers(new InMemoryCaseNumberCounter());
    const at = new Date('2026-03-02T02:00:00Z');
    expect(await numbers.numberFor({ kind: 'complaint', at })).toBe('RX-2026-000001');
    expect(await numbers.numberFor({ kind: 'complaint', at })).toBe('RX-2026-000002');
    expect(await numbers.numberFor({ kind: 'hardship_file', at, districtId: '410103' })).toBe('KN-410103-2026-0001');
    expect(await numbers.numberFor({ kind: 'complaint', at: new Date('2027-01-05T02:00:00Z') })).toBe('RX-2027-000001');
  });

  it('tells a typed case number from a name or a phone', () => {
    for (const text of ['RX-2026-000123', 'rx-2026', 'KN-410105', 'TJ-']) expect(looksLikeCaseNumber(text)).toBe(true);
    for (const text of ['13987654321', '李秀英', 'R', 'RX2026']) expect(looksLikeCaseNumber(text)).toBe(false);
  });
});

describe('numbers for an import', () => {
  it('gives many cases numbers in the order given, each in its own year\'s series, after those already given', async () => {
    const numbers = new CaseNumbers(new InMemoryCaseNumberCounter());
    expect(await numbers.numberFor({ kind: 'complaint', at: new Date('2019-05-01T02:00:00Z') })).toBe('RX-2019-000001');
    const at = (iso: string) => ({ kind: 'complaint' as const, at: new Date(iso) });
    expect(await numbers.numbersFor([at('2019-06-01T02:00:00Z'), at('2020-01-02T02:00:00Z'), at('2019-07-01T02:00:00Z')])).toEqual(['RX-2019-000002', 'RX-2020-000001', 'RX-2019-000003']);
    expect(await numbers.numberFor({ kind: 'complaint', at: new Date('2019-08-01T02:00:00Z') })).toBe('RX-2019-000004');
  });
});
