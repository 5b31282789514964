/**
 * The seeds' numbers as a test (issue 16, point 5): a history shaped like the seeds — a 2016 cohort of
 * 20,115 hardship files of which 102 remain active; more than 3,600 distinct workers who recovered
 * 24.44 million yuan, some of them in two cases; school aid to children; family visits — built only
 * through the HTTP API as users would, gives exactly those figures through GET /api/stats/…
 */
import { addDays } from '#calendar';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { legacyFileId } from '#hardship-service';
import {
  cohortExpectations, cohortFiles, DISTRICTS, registryRows, registryWorkbook, schoolFamilies, schoolYearPlan, SEEDS, wageCasePlans, type WageCasePlan,
} from '#casework-testing';

const CITY = '410100';
const DAY = 86_400_000;

describe("the seeds' figures, from a history built through the HTTP API", () => {
  let system: TestCasework;
  let city: ApiClient;
  const caseworkers = new Map<string, ApiClient>();
  /** What the spec measured, printed once at the end for the closing note. */
  const measured: Record<string, unknown> = {};
  const startedAt = Date.now();
  const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
  const files = cohortFiles();
  let registry: string;
  /** An instant after the cohort was recorded, and its figures then: asked later as of it, they must come out the same. */
  let cohortRecordedBy: string;
  let cohortFigures: unknown;

  beforeAll(async () => {
    // Written before the system starts: building 20,115 rows keeps the event loop busy for seconds,
    // long enough for the server to drop the client's idle keep-alive connections under it.
    const began = Date.now();
    registry = await registryWorkbook(registryRows(files));
    measured.registryWorkbookSeconds = seconds(began);
    system = await startTestCasework();
    city = await system.userClient({ username: 'seed.city', role: 'supervisor', orgUnitId: CITY });
    for (const unitId of DISTRICTS) caseworkers.set(unitId, await system.userClient({ username: `seed.wage.${unitId}`, role: 'caseworker', orgUnitId: unitId }));
  }, 180_000);

  afterAll(async () => {
    measured.specSeconds = seconds(startedAt);
    console.log(`seed figures:\n${Object.entries(measured).map(([name, value]) => `  ${name}: ${JSON.stringify(value)}`).join('\n')}`);
    await system?.stop();
  });

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 2_000)}`);
    return response.body;
  }

  /** Tens of thousands of events take the projections a while on a shared machine: wait for them, not for the default 10 s. */
  const caughtUp = () => system.app.runtime.projections.waitUntilCaughtUp(600_000);

  async function figures(kind: 'wage' | 'hardship', query: string) {
    await caughtUp();
    const response = await city.get(`/api/stats/${kind}?${query}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ incomplete: false, parkedEvents: 0 });
    return response.body;
  }

  it('states the 2016 cohort: 20,115 files registered, 102 still active, a resolution rate of 99.5 %', async () => {
    const expected = cohortExpectations(files);
    const began = Date.now();
    const content = registry;
    measured.registryUploadChars = content.length;
    const upload = await post(city, '/api/hardship-files/import', { format: 'xlsx', content });
    expect(upload).toEqual({ imported: SEEDS.cohortFiles, alreadyThere: 0, events: 2 * SEEDS.cohortFiles + expected.lifted + expected.relieved });
    measured.registryUploadSeconds = seconds(began);
    await caughtUp();
    measured.registryProjectedSeconds = seconds(began);

    const year2016 = await figures('hardship', `from=2016-01-01&to=2016-12-31&unit=${CITY}`);
    expect(year2016).toMatchObject({ registered: { inPeriod: 20_115, cumulative: 20_115 }, activeAtEnd: 20_115, lifted: 0, relieved: 0, cancelled: 0 });

    const decade = await figures('hardship', `from=2016-01-01&to=2025-12-31&unit=${CITY}`);
    expect(expected.active).toBe(SEEDS.stillActive);
    expect(decade).toMatchObject({
      registered: { inPeriod: 20_115, cumulative: 20_115 },
      activeAtEnd: 102,
      lifted: expected.lifted,
      relieved: expected.relieved,
      cancelled: 0,
      relapses: { households: 0, reopenings: 0 },
      cohort: { files: 20_115, active: 102, lifted: expected.lifted, relieved: expected.relieved, cancelled: 0 },
      byUnit: expected.byUnit,
    });
    expect(decade.cohort.resolutionRate).toBe((20_115 - 102) / 20_115);
    expect(Math.round(decade.cohort.resolutionRate * 1_000) / 10).toBe(99.5);
    expect(decade.byYear.map((y: { year: number; registered: number; lifted: number; relieved: number }) => ({ year: y.year, registered: y.registered, lifted: y.lifted, relieved: y.relieved }))).toEqual(expected.byYear);
    // A district's registry is its share of the city's: the districts add up to the city.
    const jinshui = await figures('hardship', 'from=2016-01-01&to=2025-12-31&unit=410105');
    expect(jinshui.cohort).toMatchObject({ files: expected.byUnit.find((u) => u.unitId === '410105')!.registered, active: expected.byUnit.find((u) => u.unitId === '410105')!.active });
    measured.hardship = { period: '2016-01-01..2025-12-31', registered2016: year2016.registered.inPeriod, activeAtEnd2016: year2016.activeAtEnd, cohort: decade.cohort, lifted: decade.lifted, relieved: decade.relieved };

    // The same registry uploaded again adds nothing, and the figures stay as they are.
    expect(await post(city, '/api/hardship-files/import', { format: 'xlsx', content })).toEqual({ imported: 0, alreadyThere: 20_115, events: 0 });
    expect((await figures('hardship', `from=2016-01-01&to=2025-12-31&unit=${CITY}`)).cohort).toEqual(decade.cohort);
    cohortRecordedBy = new Date().toISOString();
    cohortFigures = decade;
  }, 600_000);

  it('counts 3,612 distinct workers who recovered 24.44 million yuan, 300 of them in two cases of two districts', async () => {
    const plans = wageCasePlans();
    const began = Date.now();
    const firstDay = system.today();
    let requests = 0;
    const counted = async (client: ApiClient, path: string, body: unknown = {}) => {
      requests += 1;
      return post(client, path, body);
    };
    /** One case as a caseworker walks it: opened, the list pasted in one go, verified, paid in one payment to everyone, closed. */
    const walk = async (plan: WageCasePlan) => {
      const client = caseworkers.get(plan.unitId)!;
      const { id } = await counted(client, '/api/wage-cases', {
        source: { kind: 'walk_in' }, respondent: { kind: 'project', name: plan.respondent, district: plan.unitId, chain: [{ role: 'main_contractor', name: '郑州某建工集团' }, { role: 'team_leader', name: '班组长' }] }, summary: `${plan.claimants.length} 名农民工 2025 年工资未结清`,
      });
      const { claimantIds } = await counted(client, `/api/wage-cases/${id}/claimants`, {
        claimants: plan.claimants.map((c) => ({ name: c.name, idNumber: c.idNumber, workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed: c.amount })),
      });
      expect(claimantIds).toHaveLength(plan.claimants.length);
      await counted(client, `/api/wage-cases/${id}/start-verification`);
      await counted(client, `/api/wage-cases/${id}/verify`, { claims: plan.claimants.map((c, k) => ({ claimantId: claimantIds[k], verified: c.amount, basis: '考勤表及工资欠条' })) });
      await counted(client, `/api/wage-cases/${id}/complete-verification`);
      const amount = plan.claimants.reduce((sum, c) => sum + c.amount, 0);
      await counted(client, `/api/wage-cases/${id}/payments`, { amount, paidOn: system.today(), payer: '总承包单位', allocations: plan.claimants.map((c, k) => ({ claimantId: claimantIds[k], amount: c.amount })) });
      await counted(client, `/api/wage-cases/${id}/close`, { outcome: 'fully_recovered', reason: '全部追回' });
    };
    const inParallel = async (list: readonly WageCasePlan[], lanes: number) => {
      let next = 0;
      await Promise.all(Array.from({ length: lanes }, async () => {
        while (next < list.length) await walk(list[next++]);
      }));
    };
    await inParallel(plans.filter((p) => !p.later), 4);
    // A month later, 300 of the same workers come back to another district's union with a second case.
    system.shiftClock(30 * DAY);
    await inParallel(plans.filter((p) => p.later), 4);
    const lastDay = system.today();
    measured.wageCommandsSeconds = seconds(began);

    const period = `from=${firstDay}&to=${lastDay}`;
    const whole = await figures('wage', `${period}&unit=${CITY}`);
    measured.wageBuiltAndProjectedSeconds = seconds(began);
    measured.wageRequests = requests;
    const entries = plans.reduce((n, p) => n + p.claimants.length, 0);
    expect(entries).toBe(SEEDS.workers + SEEDS.workersInTwoCases);
    expect(whole).toMatchObject({
      casesOpened: plans.length,
      casesClosed: { total: plans.length, fully_recovered: plans.length },
      workersHelped: 3_612,
      amounts: { claimed: 2_444_000_000, verified: 2_444_000_000, recovered: 2_444_000_000, advanced: 0, reimbursed: 0 },
      recoveryRate: 1,
      daysToFirstRecovery: { cases: plans.length, mean: 0, median: 0 },
    });
    // Each district counts the workers it helped: the 300 who came back count in both of theirs, so the districts add up to 3,912 people and 24.44 million yuan.
    const districts = await Promise.all(DISTRICTS.map(async (unitId) => ({ unitId, ...(await figures('wage', `${period}&unit=${unitId}`)) })));
    expect(districts.reduce((n, d) => n + d.workersHelped, 0)).toBe(SEEDS.workers + SEEDS.workersInTwoCases);
    expect(districts.reduce((n, d) => n + d.amounts.recovered, 0)).toBe(2_444_000_000);
    // The first month alone: every worker once, before anyone came back.
    const firstMonth = await figures('wage', `from=${firstDay}&to=${addDays(firstDay, 29)}&unit=${CITY}`);
    expect(firstMonth.workersHelped).toBe(3_612);
    expect(firstMonth.amounts.recovered).toBe(plans.filter((p) => !p.later).reduce((n, p) => n + p.claimants.reduce((s, c) => s + c.amount, 0), 0));
    measured.wage = { period: `${firstDay}..${lastDay}`, cases: plans.length, claimantEntries: entries, workersHelped: whole.workersHelped, recoveredFen: whole.amounts.recovered, recoveredYuan: whole.amounts.recovered / 100, byDistrict: districts.map((d) => ({ unitId: d.unitId, workersHelped: d.workersHelped, recovered: d.amounts.recovered })) };
  }, 600_000);

  it('counts the children school aid reached (人次 and 人) and the families visited (走访慰问)', async () => {
    const station = '410105001';
    const families = schoolFamilies(station);
    const content = await registryWorkbook(registryRows(families, (i) => families[i].householdSize));
    expect(await post(city, '/api/hardship-files/import', { format: 'xlsx', content })).toMatchObject({ imported: 48, alreadyThere: 0 });
    const { aid, visits } = schoolYearPlan(families);
    // The station's cadre records each delivery with the household members it reached, and each visit.
    const cadre = await system.userClient({ username: 'seed.station', role: 'caseworker', orgUnitId: station });
    const fileOf = (family: number) => `/api/hardship-files/${legacyFileId(families[family].legacyId)}`;
    for (const a of aid) {
      await post(cadre, `${fileOf(a.family)}/aid`, { type: a.type, deliveredOn: a.deliveredOn, amount: a.amount, fundingSource: a.type === 'school' ? '金秋助学专项' : '送温暖资金', reached: a.reached });
    }
    for (const v of visits) await post(cadre, `${fileOf(v.family)}/family-visits`, { visitedOn: v.visitedOn, note: '走访慰问，了解子女上学情况', visitedBy: '站长、社区网格员' });
    const refused = await cadre.post(`${fileOf(0)}/aid`, { type: 'school', deliveredOn: '2026-09-01', amount: 100_000, fundingSource: '金秋助学专项', reached: [3] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reached.0', rule: 'household_member' })]);

    const year = await figures('hardship', `from=2026-01-01&to=${system.today()}&unit=${station}`);
    // Spring: 72 children in 48 families; autumn: 54 of them in 36 families (every fourth family had no child at school any more, six only the younger).
    expect(year.aid).toEqual([
      { type: 'festival', amount: 800_000, households: 16, deliveries: 16, personsReached: 56, distinctPersons: 56 },
      { type: 'school', amount: 12_600_000, households: 48, deliveries: 84, personsReached: 126, distinctPersons: 72 },
    ]);
    expect(year.visits).toEqual({ visits: 72, households: 48, byKind: [{ kind: 'family', visits: 72, households: 48 }] });
    expect(year).toMatchObject({ registered: { inPeriod: 48 }, activeAtEnd: 48 });
    // The autumn term alone (金秋助学): 54 children of 36 families.
    const autumn = await figures('hardship', `from=2026-09-01&to=2026-09-30&unit=${station}`);
    expect(autumn.aid).toEqual([{ type: 'school', amount: 5_400_000, households: 36, deliveries: 36, personsReached: 54, distinctPersons: 54 }]);
    // The district's figures hold the station's, and the 2016 cohort adds no aid nor visits to them.
    const district = await figures('hardship', `from=2026-01-01&to=${system.today()}&unit=410105`);
    expect(district.aid).toEqual(year.aid);
    expect(district.visits).toEqual(year.visits);
    // The cohort as of the moment it had been recorded, read from the timeline versions (more was recorded since): the same figures.
    const began = Date.now();
    const asOf = await figures('hardship', `from=2016-01-01&to=2025-12-31&unit=${CITY}&asOf=${encodeURIComponent(cohortRecordedBy)}`);
    expect({ ...asOf, asOf: undefined }).toEqual({ ...(cohortFigures as object), asOf: undefined });
    measured.cohortAsOfSeconds = seconds(began);
    measured.schoolAidAndVisits = { period: `2026-01-01..${system.today()}`, unit: station, aid: year.aid, visits: year.visits };
  }, 300_000);
});
