import { createChineseDaysCalendar } from '#calendar';
import { deterministicUuid } from '#command-handling';
import type { Actor } from '#event-store';
import { createWageCaseDecider, DEFAULT_WAGE_TIME_LIMITS, type WageCaseCommand } from '#wage-recovery';
import { decidedAppends } from './decided-history.js';
import type { PlannedAppend } from './hotline-history.js';
import { SeededRandom } from './seeded-random.js';

const DAY = 86_400_000;
const UNITS = ['410102', '410103', '410104', '410105', '410105001', '410122', '410181', '410184'];

/**
 * Wage cases as the real decider records them, spread over a period: a few claimants each, verified,
 * paid in instalments (some with an emergency advance, some with a reversed payment), most closed.
 * Cases belong to `units` (default: Zhengzhou's). Claimants carry names only (no ID numbers or phones), so the log can be appended without the
 * personal-data key store: bench data, not people.
 */
export function wageCasesLog(count: number, from: number, to: number, seed = 'wage-bench', units: readonly string[] = UNITS): { appends: PlannedAppend[]; events: number } {
  const random = new SeededRandom(seed);
  const decider = createWageCaseDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_WAGE_TIME_LIMITS });
  const appends: PlannedAppend[] = [];
  let events = 0;
  for (let i = 0; i < count; i++) {
    const caseId = deterministicUuid(seed, 'case', String(i));
    const streamId = `wage-case-${caseId}`;
    const unit = units[Math.floor(random.next() * units.length)];
    const caseworker: Actor = { userId: `bench-wage-${unit}`, role: 'caseworker', orgUnitId: unit };
    const supervisor: Actor = { userId: `bench-supervisor-${unit}`, role: 'supervisor', orgUnitId: unit };
    const at = from + Math.floor(random.next() * (to - from - 60 * DAY));
    const claimants = Array.from({ length: 1 + Math.floor(random.next() * 5) }, (_, n) => ({ claimantId: `c${n}`, name: `工人${n}`, workedFrom: '2025-01-01', claimed: 100_000 * (5 + Math.floor(random.next() * 60)) }));
    const verified = claimants.map((c) => Math.round(c.claimed * (0.7 + random.next() * 0.3)));
    const steps: Array<[WageCaseCommand, Actor]> = [
      [{ type: 'OpenWageCase', data: { caseId, source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: `压测用人单位${i % 997}`, district: unit.slice(0, 6) }, summary: '欠薪', unitId: unit } }, caseworker],
      [{ type: 'AddClaimants', data: { claimants } }, caseworker],
      [{ type: 'StartVerification', data: {} }, caseworker],
      [{ type: 'VerifyClaims', data: { claims: claimants.map((c, n) => ({ claimantId: c.claimantId, verified: verified[n], basis: '考勤卡' })) } }, caseworker],
    ];
    if (random.next() < 0.2) {
      steps.push([{ type: 'RequestEmergencyAdvance', data: { advanceId: 'a1', allocations: [{ claimantId: 'c0', amount: Math.floor(verified[0] / 4) }], reason: '困难' } }, caseworker]);
      steps.push([{ type: 'DecideEmergencyAdvance', data: { advanceId: 'a1', approve: true, reason: '同意' } }, supervisor]);
    }
    const instalments = Math.floor(random.next() * 4);
    const share = random.next() < 0.7 ? 1 : 0.5;
    for (let k = 0; k < instalments; k++) {
      const allocations = claimants.map((c, n) => ({ claimantId: c.claimantId, amount: Math.floor((verified[n] * share) / instalments) })).filter((a) => a.amount > 0);
      const amount = allocations.reduce((s, a) => s + a.amount, 0);
      steps.push([{ type: 'RecordRecoveryPayment', data: { paymentId: `p${k}`, amount, paidOn: new Date(at + (k + 1) * 7 * DAY + 8 * 3_600_000).toISOString().slice(0, 10), payer: '用人单位', allocations } }, caseworker]);
      if (k === 0 && random.next() < 0.1) steps.push([{ type: 'ReverseRecoveryPayment', data: { paymentId: 'p0', reason: '误录' } }, caseworker]);
    }
    if (random.next() < 0.7) {
      steps.push(instalments > 0 ? [{ type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '结案' } }, caseworker] : [{ type: 'CloseWageCase', data: { outcome: 'withdrawn', reason: '撤回' } }, caseworker]);
    }
    let when = at;
    const planned = steps.map(([command, actor]) => ({ command, actor, at: (when += Math.floor(random.next() * 5 * DAY) + 60_000) }));
    for (const append of decidedAppends(decider, streamId, planned)) {
      appends.push(append);
      events += append.events.length;
    }
  }
  appends.sort((a, b) => a.at - b.at);
  return { appends, events };
}
