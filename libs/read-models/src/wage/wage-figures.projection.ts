import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import type { WageCaseEvent } from '#wage-recovery';
import { aggregateIdOf } from '../stream-ids.js';
import { WAGE_FIGURES_SCHEMA_SQL } from './wage-figures.schema.js';

interface MoneyRow {
  event_id: string;
  claimant_key: string;
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
 */
export function wageFiguresProjection(): Projection {
  return {
    name: 'wage-figures',
    tables: ['wage_cases', 'wage_money', 'wage_closures', 'wage_daily', 'wage_helped'],
    schemaSql: WAGE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['wage-case-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
      const known: { case_id: string; unit_id: string }[] = await tx.query('SELECT case_id, unit_id FROM wage_cases WHERE case_id = ANY($1)', [ids]);
      const units = new Map(known.map((row) => [row.case_id, row.unit_id]));
      const money: MoneyRow[] = [];
      const touched = new Touched();
      for (const event of events) {
        const caseId = aggregateIdOf(event.streamId);
        const e = { type: event.type, data: event.data } as WageCaseEvent;
        const day = shanghaiDateOf(new Date(event.metadata.occurredAt));
        const row = (claimantId: string, kind: MoneyRow['kind'], amount: number, onDate = day, sourceId: string | null = null) => {
          if (amount !== 0) money.push({ event_id: event.eventId, claimant_key: `${caseId}:${claimantId}`, case_id: caseId, unit_id: units.get(caseId)!, kind, amount, on_date: onDate, source_id: sourceId, recorded_at: event.recordedAt });
        };
        switch (e.type) {
          case 'WageCaseOpened':
            units.set(caseId, e.data.unitId);
            await tx.query('INSERT INTO wage_cases (case_id, unit_id, opened_on, recorded_at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING', [caseId, e.data.unitId, shanghaiDateOf(new Date(e.data.openedAt)), event.recordedAt]);
            break;
          case 'ClaimantsAdded':
            for (const c of e.data.claimants) row(c.claimantId, 'claimed', c.claimed);
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
              row(a.claimantId, 'reimbursed', a.reimbursed, e.data.paidOn, e.data.paymentId);
            }
            break;
          case 'EmergencyAdvanceApproved':
            for (const a of e.data.allocations) row(a.claimantId, 'advanced', a.amount, day, e.data.advanceId);
            break;
          case 'RecoveryPaymentReversed':
          case 'EmergencyAdvanceReversed': {
            await insertMoney(tx, money.splice(0), touched);
            const sourceId = e.type === 'RecoveryPaymentReversed' ? e.data.paymentId : e.data.advanceId;
            const voided: MoneyRow[] = await tx.query(
              `WITH voided AS (UPDATE wage_money SET voided_at = $3 WHERE case_id = $1 AND source_id = $2 AND voided_at IS NULL
                               RETURNING case_id, claimant_key, unit_id, kind, on_date::text, amount)
               SELECT * FROM voided`,
              [caseId, sourceId, event.recordedAt],
            );
            for (const row of voided) touched.add(row, -Number(row.amount));
            break;
          }
          case 'WageCaseClosed':
            await tx.query(
              `INSERT INTO wage_closures (event_id, case_id, unit_id, outcome, closed_on, verified, recovered, recorded_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
              [event.eventId, caseId, units.get(caseId), e.data.outcome, shanghaiDateOf(new Date(e.data.closedAt)), e.data.totals.verified, e.data.totals.recovered, event.recordedAt],
            );
            break;
          case 'WageCaseReopened':
            await tx.query('UPDATE wage_closures SET reopened_at = $2 WHERE case_id = $1 AND reopened_at IS NULL', [caseId, event.recordedAt]);
            break;
        }
      }
      await insertMoney(tx, money, touched);
      await touched.refresh(tx);
    },
  };
}

/**
 * What a batch changed in the standing figures: the unit-day-kind totals move by what was added and
 * voided (the batch is applied once, in its checkpoint's transaction); the claimants' days of help and
 * the cases' first recoveries are recomputed from the rows for exactly the claimants and cases touched.
 */
class Touched {
  private readonly days = new Map<string, { unit_id: string; on_date: string; kind: string; amount: number }>();
  private readonly claimants = new Set<string>();
  private readonly cases = new Set<string>();

  /** A row added (its amount) or voided (minus its amount). */
  add(row: Pick<MoneyRow, 'case_id' | 'claimant_key' | 'unit_id' | 'kind' | 'on_date'>, amount: number): void {
    const key = `${row.unit_id}|${row.on_date}|${row.kind}`;
    const day = this.days.get(key) ?? { unit_id: row.unit_id, on_date: row.on_date, kind: row.kind, amount: 0 };
    this.days.set(key, { ...day, amount: day.amount + amount });
    if (row.kind === 'recovered' || row.kind === 'advanced') this.claimants.add(row.claimant_key);
    if (row.kind === 'recovered') this.cases.add(row.case_id);
  }

  async refresh(tx: EntityManager): Promise<void> {
    if (this.days.size > 0) {
      await tx.query(
        `INSERT INTO wage_daily (unit_id, on_date, kind, amount)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(unit_id text, on_date date, kind text, amount bigint)
         ON CONFLICT (on_date, unit_id, kind) DO UPDATE SET amount = wage_daily.amount + EXCLUDED.amount`,
        [JSON.stringify([...this.days.values()])],
      );
    }
    if (this.claimants.size > 0) {
      await tx.query(
        `INSERT INTO wage_helped (claimant_key, unit_id, days)
         SELECT k.key, coalesce(min(m.unit_id), ''),
                coalesce(range_agg(daterange(m.on_date, m.on_date, '[]')) FILTER (WHERE m.on_date IS NOT NULL), '{}'::datemultirange)
           FROM unnest($1::text[]) AS k(key)
           LEFT JOIN wage_money m ON m.claimant_key = k.key AND m.kind IN ('recovered', 'advanced') AND m.amount > 0 AND m.voided_at IS NULL
          GROUP BY k.key
         ON CONFLICT (claimant_key) DO UPDATE SET unit_id = EXCLUDED.unit_id, days = EXCLUDED.days`,
        [[...this.claimants]],
      );
    }
    if (this.cases.size > 0) {
      await tx.query(
        `UPDATE wage_cases c SET first_recovered_on = (
           SELECT min(m.on_date) FROM wage_money m WHERE m.case_id = c.case_id AND m.kind = 'recovered' AND m.amount > 0 AND m.voided_at IS NULL)
          WHERE c.case_id = ANY($1)`,
        [[...this.cases]],
      );
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
       INSERT INTO wage_money (event_id, claimant_key, case_id, unit_id, kind, amount, on_date, source_id, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, claimant_key text, case_id text, unit_id text, kind text, amount bigint,
         on_date date, source_id text, recorded_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING case_id, claimant_key, unit_id, kind, on_date::text, amount)
     SELECT * FROM inserted`,
    [JSON.stringify(rows)],
  );
  for (const row of inserted) touched.add(row, Number(row.amount));
}
