import { isPhoneNumber, isResidentIdNumber } from '#hotline';
import { demoPeople, proRata } from './demo-people.js';
import { summaryLines } from './demo-summary.js';
import type { DemoReport } from './run-demo.js';

describe('the people and money of the demo cases', () => {
  it('splits a payment pro rata exactly to the fen, the leftover fen going to the largest remainders', () => {
    expect(proRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
    const verified = [2_880_000, 2_940_000, 3_000_000, 3_060_000];
    const shares = proRata(4_752_001, verified);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(4_752_001);
    shares.forEach((share, i) => expect(Math.abs(share - (4_752_001 * verified[i]!) / 11_880_000)).toBeLessThan(1));
  });

  it('gives each case different, well-formed people, the same for the same seed', () => {
    const people = demoPeople('seed', 'wage:W1', 12, 1100);
    expect(new Set(people.map((p) => p.name)).size).toBe(12);
    expect(new Set(people.map((p) => p.phone)).size).toBe(12);
    for (const p of people) {
      expect(isResidentIdNumber(p.idNumber)).toBe(true);
      expect(isPhoneNumber(p.phone)).toBe(true);
    }
    expect(demoPeople('seed', 'wage:W1', 12, 1100)).toEqual(people);
  });
});

describe('the demo summary', () => {
  it('prints each kind of case by status, the generated documents and the refused steps', () => {
    const kind = (byStatus: Record<string, number>) => ({ cases: Object.values(byStatus).map((_, i) => ({ key: `k${i}`, id: `id${i}`, status: '' })), byStatus, writtenBefore: 0, inSystem: 5 });
    const report: DemoReport = {
      users: { created: [], existing: [] }, password: 'pw', complaints: [], byStatus: {}, complaintsInSystem: 0,
      wage: kind({ negotiating: 1, closed: 1 }), hardship: kind({ lifted: 1 }), mediation: kind({ failed: 1 }),
      documents: [{ key: 'mediation:M2', document: 'feedback-letter', generated: true }], povertyLinesRecorded: ['410105'],
      problems: [{ complaint: 'wage:W3', step: 'verify', as: 'demo.erqi', request: 'POST /api/wage-cases/x/verify', status: 400, code: 'validation_failed', message: '核实金额' }],
    };
    const text = summaryLines(report, new Map(), '').join('\n');
    expect(text).toContain('欠薪案件：2 件');
    expect(text).toMatch(/已结案 \(closed\)\s+1/);
    expect(text).toMatch(/已脱困 \(lifted\)\s+1/);
    expect(text).toMatch(/调解不成 \(failed\)\s+1/);
    expect(text).toContain('M2 调解不成反馈函');
    expect(text).toContain('[wage:W3] verify（demo.erqi）POST /api/wage-cases/x/verify → 400 validation_failed');
  });
});
