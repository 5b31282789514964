import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import type { RecordedEvent } from '#event-store';
import { isResidentIdNumber } from '#field-checks';
import type { Projection } from '#projections';
import type { WageCaseEvent } from '#wage-recovery';
import { personKeyOf } from '../people/person-journey.projection.js';
import { aggregateIdOf } from '../stream-ids.js';
import { WAGE_FIGURES, WAGE_FIGURES_SCHEMA_SQL } from './wage-figures.schema.js';
import { refreshHelpedDays } from './wage-helped.js';
import { WageTallyChanges } from './wage-tally.js';

interface MoneyRow {
  event_id: string;
  claimant_key: string;
  person_key: string;
  case_id: string;
  unit_id: string;
  kind: 'claimed' | 'verified' | 'recovered' | 'advanced' | 'reimbursed';
  amount: number;
  on_date: string;
  source_id: string | null;
  recorded_at: string;
}

/**
 * The facts behind `GET /api/stats/wage`: cases opened, claims and verifications as signed changes,
 * money as it moved (payments on the day paid, advances on the day approved), closures with the
 * case's totals. A reversal voids what it reverses; a reopening supersedes the closure.
 *
 * Each claimant is also a person: the keyed hash of their ID number (`personKeyOf`, as 人员轨迹 finds
 * people), so a worker helped in several cases counts once; a claimant without a readable ID number
 * (none given, or erased) is a person of their own case. `hashKey`: the deployment's personal-data hash key.
 */
export function wageFiguresProjection(hashKey: string | (() => string)): Projection {
  const key = typeof hashKey === 'string' ? () => hashKey : hashKey;
  return {
    ...WAGE_FIGURES,
    tables: ['wage_cases', 'wage_money', 'wage_closures', 'wage_tally', 'wage_helped', 'wage_help_gaps', 'wage_claimants'],
    schemaSql: WAGE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['wage-case-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
      const known: { case_id: string; unit_id: string }[] = await tx.query('SELECT case_id, unit_id FROM wage_cases WHERE case_id = ANY($1)', [ids]);
      const units = new Map(known.map((row) => [row.case_id, row.unit_id]));
      const people = await knownClaimants(tx, ids);
      const money: MoneyRow[] = [];
      const touched = new Touched();
      for (const event of events) {
        const caseId = aggregateIdOf(event.streamId);
        const e = { type: event.type, data: event.data } as WageCaseEvent;
        const day = shanghaiDateOf(new Date(event.metadata.occurredAt));
        const row = (claimantId: string, kind: MoneyRow['kind'], amount: number, onDate = day, sourceId: string | null = null) => {
          const claimantKey = `${caseId}:${claimantId}`;
          const personKey = people.personOf.get(claimantKey) ?? claimantKey;
          if (amount !== 0) money.push({ event_id: event.eventId, claimant_key: claimantKey, person_key: personKey, case_id: caseId, unit_id: units.get(caseId)!, kind, amount, on_date: onDate, source_id: sourceId, recorded_at: event.recordedAt });
        };
        switch (e.type) {
          case 'WageCaseOpened': {
            units.set(caseId, e.data.unitId);
            const opened: { opened_on: string }[] = await tx.query(
              `WITH opened AS (INSERT INTO wage_cases (case_id, unit_id, opened_on, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING RETURNING opened_on::text)
               SELECT * FROM opened`,
              [caseId, e.data.unitId, shanghaiDateOf(new Date(e.data.openedAt)), event.recordedAt],
            );
            for (const row of opened) touched.tally.add(row.opened_on, e.data.unitId, 'opened', 1);
            break;
          }
          case 'ClaimantsAdded':
            for (const c of e.data.claimants) {
              people.add(caseId, c.claimantId, claimantPersonKey(c.idNumber, key));
              row(c.claimantId, 'claimed', c.claimed);
            }
            break;
          case 'ClaimAmended':
            if (e.data.claimed) row(e.data.claimantId, 'claimed', e.data.claimed.to - e.data.claimed.from);
            break;
          case 'ClaimsVerified':
            for (const c of e.data.claims) row(c.claimantId, 'verified', c.verified - (c.previous ?? 0));
            break;
          case 'ClaimWithdrawn': {
            // What the claim stood at is in the rows so far: take it back out on the day of withdrawal.
            const key = `${caseId}:${e.data.claimantId}`;
            const standing = await claimStanding(tx, key, money);
            row(e.data.claimantId, 'claimed', -standing.claimed);
            row(e.data.claimantId, 'verified', -standing.verified);
            break;
          }
          case 'RecoveryPaymentRecorded':
            for (const a of e.data.allocations) {
              row(a.claimantId, 'recovered', a.amount, e.data.paidOn, e.data.paymentId);
              // The fund is repaid no earlier than it advanced: a payment dated before the advance was
              // approved (recorded late) repays it on the approval's day, not in a period with nothing advanced.
              const advancedOn = people.lastAdvanceOn.get(`${caseId}:${a.claimantId}`);
              row(a.claimantId, 'reimbursed', a.reimbursed, advancedOn && advancedOn > e.data.paidOn ? advancedOn : e.data.paidOn, e.data.paymentId);
            }
            break;
          case 'EmergencyAdvanceApproved':
            for (const a of e.data.allocations) {
              row(a.claimantId, 'advanced', a.amount, day, e.data.advanceId);
              people.lastAdvanceOn.set(`${caseId}:${a.claimantId}`, day);
            }
            break;
          case 'RecoveryPaymentReversed':
          case 'EmergencyAdvanceReversed': {
            await insertMoney(tx, money.splice(0), touched);
            const sourceId = e.type === 'RecoveryPaymentReversed' ? e.data.paymentId : e.data.advanceId;
            const voided: MoneyRow[] = await tx.query(
              `WITH voided AS (UPDATE wage_money SET voided_at = $3 WHERE case_id = $1 AND source_id = $2 AND voided_at IS NULL
                               RETURNING case_id, person_key, unit_id, kind, on_date::text, amount)
               SELECT * FROM voided`,
              [caseId, sourceId, event.recordedAt],
            );
            for (const row of voided) touched.add(row, -Number(row.amount));
            break;
          }
          case 'WageCaseClosed': {
            const closed: ClosureRow[] = await tx.query(
              `WITH closed AS (INSERT INTO wage_closures (event_id, case_id, unit_id, outcome, closed_on, verified, recovered, recorded_at)
                               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING
                               RETURNING ${CLOSURE_COLUMNS})
               SELECT * FROM closed`,
              [event.eventId, caseId, units.get(caseId), e.data.outcome, shanghaiDateOf(new Date(e.data.closedAt)), e.data.totals.verified, e.data.totals.recovered, event.recordedAt],
            );
            for (const row of closed) touched.closure(row, +1);
            break;
          }
          case 'WageCaseReopened': {
            const reopened: ClosureRow[] = await tx.query(
              `WITH reopened AS (UPDATE wage_closures SET reopened_at = $2 WHERE case_id = $1 AND reopened_at IS NULL RETURNING ${CLOSURE_COLUMNS})
               SELECT * FROM reopened`,
              [caseId, event.recordedAt],
            );
            for (const row of reopened) touched.closure(row, -1);
            break;
          }
        }
      }
      await insertMoney(tx, money, touched);
      await people.save(tx);
      await touched.refresh(tx);
    },
  };
}

/** A claimant as a person: the keyed hash of a readable ID number; `null` (a person of their own case) without one. */
export function claimantPersonKey(idNumber: unknown, hashKey: () => string): string | null {
  return typeof idNumber === 'string' && isResidentIdNumber(idNumber) ? personKeyOf(idNumber, hashKey()) : null;
}

/**
 * The claimants of the batch's cases as people (their person keys, new ones saved at the end of the
 * batch), and the day each was last advanced money by the fund.
 */
async function knownClaimants(tx: EntityManager, caseIds: readonly string[]) {
  const stored: { claimant_key: string; person_key: string }[] = await tx.query('SELECT claimant_key, person_key FROM wage_claimants WHERE case_id = ANY($1)', [caseIds]);
  const advances: { claimant_key: string; on: string }[] = await tx.query(
    `SELECT claimant_key, max(on_date)::text AS on FROM wage_money WHERE case_id = ANY($1) AND kind = 'advanced' AND amount > 0 AND voided_at IS NULL GROUP BY claimant_key`,
    [caseIds],
  );
  const personOf = new Map(stored.map((row) => [row.claimant_key, row.person_key]));
  const added: { case_id: string; claimant_key: string; person_key: string }[] = [];
  return {
    personOf,
    lastAdvanceOn: new Map(advances.map((row) => [row.claimant_key, row.on])),
    add(caseId: string, claimantId: string, personKey: string | null) {
      const claimantKey = `${caseId}:${claimantId}`;
      personOf.set(claimantKey, personKey ?? claimantKey);
      added.push({ case_id: caseId, claimant_key: claimantKey, person_key: personKey ?? claimantKey });
    },
    async save(into: EntityManager) {
      if (added.length === 0) return;
      await into.query(
        `INSERT INTO wage_claimants (claimant_key, case_id, person_key)
         SELECT claimant_key, case_id, person_key FROM jsonb_to_recordset($1::jsonb) AS r(claimant_key text, case_id text, person_key text)
         ON CONFLICT (claimant_key) DO NOTHING`,
        [JSON.stringify(added)],
      );
    },
  };
}

interface ClosureRow {
  unit_id: string;
  outcome: string;
  closed_on: string;
  verified: string;
  recovered: string;
}
const CLOSURE_COLUMNS = 'unit_id, outcome, closed_on::text, verified, recovered';

/**
 * What a batch changed in the standing figures (wage-tally.ts): the tallies move by what was added,
 * voided, closed and reopened (the batch is applied once, in its checkpoint's transaction); the
 * claimants' days of help and the cases' first recoveries are worked out again from the rows for
 * exactly the claimants and cases touched, and the tallies move by the difference.
 */
class Touched {
  readonly tally = new WageTallyChanges();
  private readonly people = new Set<string>();
  private readonly cases = new Set<string>();

  /** A row added (its amount) or voided (minus its amount). */
  add(row: Pick<MoneyRow, 'case_id' | 'person_key' | 'unit_id' | 'kind' | 'on_date'>, amount: number): void {
    this.tally.add(row.on_date, row.unit_id, row.kind, amount);
    if (row.kind === 'recovered' || row.kind === 'advanced') this.people.add(row.person_key);
    if (row.kind === 'recovered') this.cases.add(row.case_id);
  }

  /** A closing that stands (+1) or no longer does (-1: the case was reopened). */
  closure(row: ClosureRow, sign: 1 | -1): void {
    this.tally.add(row.closed_on, row.unit_id, 'closed', sign, row.outcome);
    this.tally.add(row.closed_on, row.unit_id, 'closed_verified', sign * Number(row.verified));
    this.tally.add(row.closed_on, row.unit_id, 'closed_recovered', sign * Number(row.recovered));
  }

  async refresh(tx: EntityManager): Promise<void> {
    if (this.people.size > 0) await refreshHelpedDays(tx, [...this.people], this.tally);
    if (this.cases.size > 0) await this.refreshFirstRecoveries(tx);
    await this.tally.write(tx);
  }

  /** Each touched case's first live recovery again; where it moved, its histogram cell moves with it. */
  private async refreshFirstRecoveries(tx: EntityManager): Promise<void> {
    const moved: { unit_id: string; was_on: string | null; was_days: number | null; now_on: string | null; now_days: number | null }[] = await tx.query(
      `WITH was AS (SELECT case_id, first_recovered_on FROM wage_cases WHERE case_id = ANY($1)),
            moved AS (
              UPDATE wage_cases c SET first_recovered_on = (
                SELECT min(m.on_date) FROM wage_money m WHERE m.case_id = c.case_id AND m.kind = 'recovered' AND m.amount > 0 AND m.voided_at IS NULL)
                FROM was WHERE c.case_id = was.case_id
              RETURNING c.unit_id, was.first_recovered_on::text AS was_on, greatest(was.first_recovered_on - c.opened_on, 0) AS was_days,
                        c.first_recovered_on::text AS now_on, greatest(c.first_recovered_on - c.opened_on, 0) AS now_days)
       SELECT * FROM moved`,
      [[...this.cases]],
    );
    for (const row of moved) {
      if (row.was_on === row.now_on) continue;
      if (row.was_on !== null) this.tally.add(row.was_on, row.unit_id, 'first_recovery', -1, String(row.was_days));
      if (row.now_on !== null) this.tally.add(row.now_on, row.unit_id, 'first_recovery', +1, String(row.now_days));
    }
  }
}

/** A claim's claimed and verified amounts from the rows stored and those of this batch not yet written. */
async function claimStanding(tx: EntityManager, key: string, pending: readonly MoneyRow[]): Promise<{ claimed: number; verified: number }> {
  const [stored] = await tx.query(
    `SELECT coalesce(sum(amount) FILTER (WHERE kind = 'claimed'), 0)::bigint AS claimed, coalesce(sum(amount) FILTER (WHERE kind = 'verified'), 0)::bigint AS verified
       FROM wage_money WHERE claimant_key = $1`,
    [key],
  );
  const inBatch = (kind: string) => pending.filter((r) => r.claimant_key === key && r.kind === kind).reduce((s, r) => s + r.amount, 0);
  return { claimed: Number(stored.claimed) + inBatch('claimed'), verified: Number(stored.verified) + inBatch('verified') };
}

/** Stores the rows; those actually inserted (not already there) move the standing figures. */
async function insertMoney(tx: EntityManager, rows: readonly MoneyRow[], touched: Touched): Promise<void> {
  if (rows.length === 0) return;
  const inserted: (MoneyRow & { amount: string })[] = await tx.query(
    `WITH inserted AS (
       INSERT INTO wage_money (event_id, claimant_key, person_key, case_id, unit_id, kind, amount, on_date, source_id, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, claimant_key text, person_key text, case_id text, unit_id text, kind text,
         amount bigint, on_date date, source_id text, recorded_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING case_id, person_key, unit_id, kind, on_date::text, amount)
     SELECT * FROM inserted`,
    [JSON.stringify(rows)],
  );
  for (const row of inserted) touched.add(row, Number(row.amount));
}
