import { kindOfStream, KIND_SHARES, provinceHistory } from './scale-history.js';
import type { PlannedAppend } from './hotline-history.js';
import { provinceUnits, SCALE_CITIES } from './scale-province.js';

const TO = Date.parse('2026-06-01T00:00:00+08:00');
const FROM = TO - 10 * 365 * 86_400_000;
const EVENTS = 20_000;

async function wholeLog(events = EVENTS): Promise<{ appends: PlannedAppend[]; windows: number }> {
  const appends: PlannedAppend[] = [];
  let windows = 0;
  for await (const window of provinceHistory({ events, from: FROM, to: TO, cities: SCALE_CITIES, seed: 'spec' })) {
    appends.push(...window.appends);
    windows++;
  }
  return { appends, windows };
}

const count = (appends: readonly PlannedAppend[]) => appends.reduce((sum, append) => sum + append.events.length, 0);

describe("a province's ten years of casework for the scale bench", () => {
  let log: { appends: PlannedAppend[]; windows: number };
  beforeAll(async () => {
    log = await wholeLog();
  });

  it('holds about the events asked for, a month at a time over ten years, nothing dated after its end', () => {
    expect(log.windows).toBe(120);
    expect(count(log.appends)).toBeGreaterThan(EVENTS * 0.95);
    expect(count(log.appends)).toBeLessThan(EVENTS * 1.05);
    expect(log.appends.every((append) => append.at >= FROM && append.at < TO)).toBe(true);
  });

  it('gives each kind of case about its share of the events', () => {
    for (const [kind, share] of Object.entries(KIND_SHARES)) {
      const events = count(log.appends.filter((append) => kindOfStream(append.streamId) === kind));
      expect(Math.abs(events / count(log.appends) - share)).toBeLessThan(0.03);
    }
  });

  it("appends each stream's events in order, each append expecting the revision the one before left", () => {
    const revisions = new Map<string, number>();
    const outOfOrder = log.appends.filter((append) => {
      const expected = revisions.get(append.streamId) ?? -1;
      revisions.set(append.streamId, append.expectedRevision + append.events.length);
      return append.expectedRevision !== expected;
    });
    expect(outOfOrder).toEqual([]);
  });

  it('gives every event an id of its own', () => {
    const ids = log.appends.flatMap((append) => append.events.map((event) => event.eventId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers every case once, as the system would, in its kind and year', () => {
    const firsts = log.appends.filter((append) => append.expectedRevision < 0);
    const numbers = firsts.map((append) => (append.events[0].data as { caseNumber?: string }).caseNumber);
    expect(numbers.every((n) => typeof n === 'string' && /^(RX|QX|KN|TJ)-/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const complaint = firsts.find((append) => kindOfStream(append.streamId) === 'complaint')!;
    const year = new Date(complaint.at + 8 * 3_600_000).getUTCFullYear();
    expect((complaint.events[0].data as { caseNumber: string }).caseNumber).toMatch(new RegExp(`^RX-${year}-\\d{6}$`));
  });

  it("spreads the cases over all 18 cities' units, each a unit the bench adds under the root or the seed tree has", () => {
    const known = new Set(['410100', ...SCALE_CITIES.flatMap((city) => [city.code, ...city.hotline.handlingUnits, ...city.caseUnits, ...city.rooms]), ...provinceUnits().map((unit) => unit.id)]);
    const receiving = new Set(log.appends.flatMap((append) => append.events).filter((event) => event.type === 'ComplaintReceived').map((event) => (event.data as { receivingUnitId: string }).receivingUnitId));
    expect(receiving).toEqual(new Set(SCALE_CITIES.map((city) => city.hotline.centre)));
    const rooms = new Set(log.appends.flatMap((append) => append.events).filter((event) => event.type === 'CaseReferred').map((event) => (event.data as { roomId: string }).roomId));
    expect(rooms.size).toBeGreaterThanOrEqual(18);
    const actors = new Set(log.appends.flatMap((append) => append.events.map((event) => event.metadata.actor.orgUnitId)));
    expect([...actors].filter((unit) => !known.has(unit))).toEqual([]);
  });

  it('records all four kinds to their ends: closed wage cases, ended hardship files, agreements and failures', () => {
    const types = new Set(log.appends.flatMap((append) => append.events.map((event) => event.type)));
    for (const type of ['FollowUpRecorded', 'WageCaseClosed', 'FileLiftedOut', 'AgreementReached', 'MediationFailed', 'AgreedPaymentRecorded', 'JudicialConfirmationGranted']) expect(types).toContain(type);
  });

  it('is the same log for the same seed', async () => {
    const again = await wholeLog(2_000);
    const once = await wholeLog(2_000);
    expect(again.appends.map((append) => append.events.map((event) => event.eventId)).flat()).toEqual(once.appends.map((append) => append.events.map((event) => event.eventId)).flat());
  });
});
