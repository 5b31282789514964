/**
 * The API under a few thousand hostile requests, driven by its own OpenAPI document (issue 15,
 * point 6). Seeded: the seed is printed; `FUZZ_SEED=<n>` repeats a run request for request.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import { eventsByRequest, muteServerLog, parkedCount, settledHealth, withServerLogLines, type ProjectionHealth } from './after-run-checks.js';
import { planRun, type PlannedOperation } from './fuzz-plan.js';
import type { FuzzRequest } from './fuzz-request.js';
import { countsByStatus, dedupe, judge, reportOf, summaryOf, type Finding } from './fuzz-verdicts.js';
import { buildWorld, type FuzzWorld } from './fuzz-world.js';
import { operationsOf, type OpenApiDocument } from './openapi-walker.js';
import { pathValuesOf, validRequestOf } from './valid-requests.js';
import { sendPlan, type FuzzAnswer } from './send-requests.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260615);
const CONCURRENCY = 4;
/** The suite's budget in CI (2 cores): the plan is bounded by count; this catches a slow server. */
const BUDGET_MS = 180_000;

/** Operations not fuzzed, and why. */
const EXCLUDED: Readonly<Record<string, string>> = {
  'POST /api/auth/logout': 'ends the sender’s session: every later request of that user would be a 401',
};

/** Commands that end or move a case run last, so that the others find it open. */
const ENDS_A_CASE = /\/(close|cancel|withdrawal|failure|decline|merge|unrecoverable-closure|escalate(-[a-z]+)?|relief|reopen|disable|reset-password|decision|reject|approve)$/;

describe('the API under fuzzing from its OpenAPI document', () => {
  let system: TestCasework;
  let world: FuzzWorld;
  let plan: PlannedOperation[];
  let results: [FuzzRequest, FuzzAnswer][] = [];
  let findings: Finding[] = [];
  let projections: ProjectionHealth[] = [];
  let runMs = 0;
  /** Events found by the tags of accepted commands: proof that the tag finds what a request wrote. */
  let eventsOfAccepted = 0;

  beforeAll(async () => {
    console.log(`api fuzz: seed ${SEED} (repeat with FUZZ_SEED=${SEED})`);
    system = await startTestCasework();
    world = await buildWorld(system);
    const document = (await (await fetch(`${world.url}/api/docs-json`)).json()) as OpenApiDocument;
    const operations = operationsOf(document).filter((op) => !(`${op.method} ${op.template}` in EXCLUDED));
    const ordered = [...operations.filter((op) => !ENDS_A_CASE.test(op.template)), ...operations.filter((op) => ENDS_A_CASE.test(op.template))];
    plan = planRun(SEED, ordered.map((operation) => ({ operation, valid: validRequestOf(operation, world), pathValues: pathValuesOf(operation, world) })));

    muteServerLog();
    const started = performance.now();
    results = await sendPlan(world, SEED, plan, CONCURRENCY);
    findings = results.flatMap(([request, answer]) => judge(request, answer));

    const commands = results.filter(([request, answer]) => request.command && answer.status >= 200 && answer.status < 500);
    const written = await eventsByRequest(system.app.runtime.dataSource, SEED, commands.map(([request]) => request));
    for (const [request, answer] of commands) {
      const events = written.get(request.n) ?? 0;
      if (answer.status < 300) eventsOfAccepted += events;
      else if (events) findings.push({ rule: 'no-event', request, status: answer.status, code: String((answer.body as { code?: string })?.code ?? '-'), line: `refused, yet wrote ${events} event(s)` });
    }
    projections = await settledHealth(world.url);
    runMs = performance.now() - started;

    findings = await withServerLogLines(world, SEED, findings);
  }, BUDGET_MS + 120_000);

  afterAll(async () => {
    if (results.length) {
      const distinct = dedupe(findings).length;
      console.log(`api fuzz: seed ${SEED}, ${results.length} requests over ${plan.length} operations in ${(runMs / 1000).toFixed(1)} s; by status ${JSON.stringify(countsByStatus(results.map(([, a]) => a)))}; ${findings.length} findings (${distinct} distinct)`);
    }
    await system?.stop();
  });

  function expectNone(rule: Finding['rule']) {
    const broken = findings.filter((f) => f.rule === rule);
    if (broken.length) throw new Error(`${rule} (seed ${SEED}): by kind\n${summaryOf(broken)}\n\nby endpoint\n${reportOf(broken)}`);
  }

  it('sends a few thousand requests to every operation of the document but the excluded ones, within the budget', () => {
    const fuzzed = new Set(plan.filter((p) => p.requests.length > 0).map((p) => `${p.operation.method} ${p.operation.template}`));
    expect(plan.length).toBeGreaterThan(100);
    expect(fuzzed.size).toBe(plan.length);
    expect(results.length).toBeGreaterThan(2_000);
    expect(runMs).toBeLessThan(BUDGET_MS);
  });

  it('answers no hostile request with a 5xx, and answers every one', () => expectNone('no-5xx'));

  it('refuses with a stable snake_case code and a Chinese message, a 400 naming the field', () => expectNone('error-shape'));

  it('refuses every request that is invalid whoever sends it', () => expectNone('refused'));

  it('writes no event for a refused request (found by the tag that finds the events of accepted ones)', () => {
    expect(eventsOfAccepted).toBeGreaterThan(0);
    expectNone('no-event');
  });

  it('reaches the upload endpoints with whole forms: files refused by their rule, a valid photo stored', () => {
    const uploads = results.filter(([request]) => request.kind.startsWith('upload.'));
    const codes = new Set(uploads.map(([, answer]) => (answer.body as { code?: string })?.code));
    for (const code of ['file_type_not_allowed', 'file_truncated', 'file_empty', 'file_too_large', 'too_many_files', 'attachment_kind_unknown']) expect(codes).toContain(code);
    expect(uploads.some(([request, answer]) => request.kind === 'upload.valid-jpeg' && answer.status === 201)).toBe(true);
  });

  it('leaves every projection running, nothing parked, caught up', () => {
    const unwell = projections.filter((p) => p.state !== 'running' || p.lagEvents !== 0 || parkedCount(p) > 0);
    expect(unwell.map((p) => ({ name: p.name, state: p.state, lagEvents: p.lagEvents, parked: parkedCount(p) }))).toEqual([]);
  });
});
