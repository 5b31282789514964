import { createChineseDaysCalendar } from '#calendar';
import { deterministicUuid } from '#command-handling';
import type { Actor } from '#event-store';
import { AID_TYPES, createHardshipDecider, DEFAULT_HARDSHIP_LIMITS, HARDSHIP_CAUSES, HARDSHIP_LEVELS, type AidType, type HardshipCause, type HardshipCommand, type HardshipLevel } from '#hardship';
import { decidedAppends, type PlannedStep } from './decided-history.js';
import type { PlannedAppend } from './hotline-history.js';
import { SeededRandom } from './seeded-random.js';

const DAY = 86_400_000;
const UNITS = ['410102', '410103', '410104', '410105', '410105001', '410106', '410122', '410181'];
const CAUSES = Object.keys(HARDSHIP_CAUSES) as HardshipCause[];
const LEVELS = Object.keys(HARDSHIP_LEVELS) as HardshipLevel[];
const AID = Object.keys(AID_TYPES).filter((type) => type !== 'micro_wish') as AidType[];

/**
 * Hardship files as the real decider records them, registered over `from`–`to`: application, home
 * visit, notice, registration approved; aid now and then; a yearly review; some moved to another
 * unit (of `units`, default Zhengzhou's); most ended (lifted out, relieved, cancelled), a few lifted out and relapsed. Heads carry a
 * name only (no ID number or phone): bench data, appended without the personal-data key store.
 */
export function hardshipFilesLog(count: number, from: number, to: number, seed = 'hardship-bench', units: readonly string[] = UNITS): { appends: PlannedAppend[]; events: number } {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)];
  const decider = createHardshipDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_HARDSHIP_LIMITS, lines: { lineFor: () => 100_000 } });
  const appends: PlannedAppend[] = [];
  let events = 0;
  for (let i = 0; i < count; i++) {
    const fileId = deterministicUuid(seed, 'file', String(i));
    const unit = pick(units);
    const cadre: Actor = { userId: `bench-cadre-${unit}`, role: 'caseworker', orgUnitId: unit };
    const supervisor: Actor = { userId: `bench-supervisor-${unit}`, role: 'supervisor', orgUnitId: unit };
    let at = from + Math.floor(random.next() * (to - from - 60 * DAY));
    const steps: PlannedStep<HardshipCommand>[] = [];
    /** The next step, `afterDays` after the one before, given the Shanghai day it is decided on. */
    const step = (command: (day: string) => HardshipCommand, actor = cadre, afterDays = 1) => {
      at += afterDays * DAY;
      steps.push({ command: command(new Date(at + 8 * 3_600_000).toISOString().slice(0, 10)), actor, at });
    };
    const causes = [...new Set([pick(CAUSES), pick(CAUSES)])];
    step(() => ({ type: 'ReceiveApplication', data: { fileId, source: { kind: 'application' }, head: { name: `户主${i}`, employer: `压测企业${i % 499}`, unionMember: true }, members: [{ name: '配偶', relation: '配偶', age: 40 }], district: unit.slice(0, 6), unitId: unit, causes, monthlyHouseholdIncome: 150_000 } }), cadre, 0);
    step((day) => ({ type: 'RecordHomeVisit', data: { visitedOn: day, consentToIncomeCheck: true, findings: '入户核查', monthlyHouseholdIncome: 150_000 } }));
    step((day) => ({ type: 'StartPublicNotice', data: { startedOn: day } }));
    step(() => ({ type: 'RequestRegistration', data: { requestId: 'r', level: pick(LEVELS), causes } }), cadre, 12);
    step(() => ({ type: 'DecideRegistration', data: { requestId: 'r', approve: true, reason: '同意' } }), supervisor);
    for (let k = Math.floor(random.next() * 4); k > 0; k--) {
      at += Math.floor(random.next() * 60) * DAY;
      const cash = random.next() < 0.8;
      step((day) => ({ type: 'DeliverAid', data: { deliveryId: `d${k}`, type: pick(AID), deliveredOn: day, amount: cash ? 10_000 * (5 + Math.floor(random.next() * 100)) : 0, ...(cash ? {} : { inKind: '米面油' }), fundingSource: '帮扶资金' } }));
    }
    if (random.next() < 0.5) step((day) => ({ type: 'RecordYearlyReview', data: { reviewedOn: day, level: pick(LEVELS), findings: '年度复核' } }), cadre, 300);
    if (random.next() < 0.05) {
      const to = pick(units);
      step(() => ({ type: 'TransferFile', data: { toUnitId: to, toDistrict: to.slice(0, 6), reason: '搬迁' } }), { ...cadre, orgUnitId: '410100' }, 30);
    }
    const ending = random.next();
    const later = 30 + Math.floor(random.next() * 600);
    if (ending < 0.55) {
      step(() => ({ type: 'RequestLiftOut', data: { requestId: 'l', basis: 'stable_work', evidence: '劳动合同' } }), cadre, later);
      step(() => ({ type: 'DecideLiftOut', data: { requestId: 'l', approve: true, reason: '稳定就业' } }), supervisor);
      if (random.next() < 0.05) step((day) => ({ type: 'RecordRelapse', data: { relapsedOn: day, reason: '失业', level: 'relative' } }), cadre, 90);
    } else if (ending < 0.75) {
      step((day) => ({ type: 'RecordRelief', data: { relievedOn: day, reason: '长期病残' } }), cadre, later);
    } else if (ending < 0.85) {
      step((day) => ({ type: 'CancelFile', data: { cancelledOn: day, reason: 'moved_away', note: '迁出' } }), cadre, later);
    }
    for (const append of decidedAppends(decider, `hardship-file-${fileId}`, steps)) {
      appends.push(append);
      events += append.events.length;
    }
  }
  appends.sort((a, b) => a.at - b.at);
  return { appends, events };
}
