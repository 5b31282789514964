import type { EntityManager } from 'typeorm';
import { daysBetween } from '#calendar';
import type { RecordedEvent } from '#event-store';
import type { MediationEvent } from '#mediation';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';
import { MEDIATION_FIGURES, MEDIATION_FIGURES_SCHEMA_SQL } from './mediation-figures.schema.js';
import { INSERT_FACTS_AND_ROLL_UP_SQL } from './mediation-rollup.js';

export { MEDIATION_FIGURES_SCHEMA_SQL } from './mediation-figures.schema.js';

/** Who referred the case: the court's name, or the union itself. */
export const UNION_REFERRAL = '工会转来';

interface CaseFacts { room_id: string; court: string; mediator_id: string | null; accepted_on: string | null; deadline: string | null }

export const mediationFiguresProjection: Projection = {
  ...MEDIATION_FIGURES,
  tables: ['mediation_case_facts', 'mediation_facts', 'mediation_rollup', 'mediation_monthly'],
  schemaSql: MEDIATION_FIGURES_SCHEMA_SQL,
  streamPrefixes: ['mediation-case-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
    const stored: (CaseFacts & { case_id: string })[] = await tx.query(
      `SELECT case_id, room_id, court, mediator_id, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM mediation_case_facts WHERE case_id = ANY($1)`,
      [ids],
    );
    const cases = new Map<string, CaseFacts>(stored.map(({ case_id, ...facts }) => [case_id, facts]));
    const facts: object[] = [];
    for (const event of events) {
      const caseId = aggregateIdOf(event.streamId);
      const e = { type: event.type, data: event.data } as MediationEvent;
      if (e.type === 'CaseReferred') {
        cases.set(caseId, { room_id: e.data.roomId, court: e.data.source.kind === 'court' ? e.data.source.court : UNION_REFERRAL, mediator_id: null, accepted_on: null, deadline: null });
      }
      const kase = cases.get(caseId);
      if (!kase) continue;
      const fact = (name: string, onDate: string, extra: { amount?: number; mediatorId?: string; concluded?: boolean } = {}) => facts.push({
        event_id: event.eventId, case_id: caseId, room_id: kase.room_id, court: kase.court, mediator_id: extra.mediatorId ?? kase.mediator_id, fact: name, on_date: onDate, amount: extra.amount ?? 0,
        duration_days: extra.concluded && kase.accepted_on ? daysBetween(kase.accepted_on, onDate) : null,
        on_time: extra.concluded && kase.deadline ? onDate <= kase.deadline : null,
        recorded_at: event.recordedAt,
      });
      switch (e.type) {
        case 'CaseReferred': fact('referred', e.data.referredOn); break;
        case 'CaseAccepted': Object.assign(kase, { accepted_on: e.data.acceptedOn, deadline: e.data.deadline }); fact('accepted', e.data.acceptedOn); break;
        case 'DeadlineExtended': kase.deadline = e.data.deadline; break;
        case 'CaseDeclined': fact('declined', e.data.declinedOn); break;
        case 'MediatorAssigned': case 'MediatorReassigned': kase.mediator_id = e.data.mediatorId; break;
        case 'AgreementReached': fact('agreed', e.data.agreedOn, { amount: e.data.agreedTotal, mediatorId: e.data.mediatorId, concluded: true }); break;
        case 'MediationFailed': fact('failed', e.data.failedOn, { mediatorId: e.data.mediatorId, concluded: true }); break;
        case 'CaseWithdrawn': fact('withdrawn', e.data.withdrawnOn); break;
        case 'AgreedPaymentRecorded': fact('paid', e.data.paidOn, { amount: e.data.amount }); break;
        case 'InstallmentDefaulted': fact('defaulted', e.data.defaultedOn, { amount: e.data.unpaid }); break;
        case 'JudicialConfirmationRequested': fact('confirmation_requested', e.data.requestedOn); break;
        case 'JudicialConfirmationGranted': fact('confirmed', e.data.decidedOn); break;
        case 'JudicialConfirmationRefused': fact('confirmation_refused', e.data.decidedOn); break;
      }
    }
    const rows = [...cases].filter(([id]) => ids.includes(id)).map(([case_id, c]) => ({ case_id, ...c }));
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO mediation_case_facts (case_id, room_id, court, mediator_id, accepted_on, deadline)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, room_id text, court text, mediator_id text, accepted_on date, deadline date)
         ON CONFLICT (case_id) DO UPDATE SET mediator_id = EXCLUDED.mediator_id, accepted_on = EXCLUDED.accepted_on, deadline = EXCLUDED.deadline`,
        [JSON.stringify(rows)],
      );
    }
    if (facts.length > 0) await tx.query(INSERT_FACTS_AND_ROLL_UP_SQL, [JSON.stringify(facts)]);
  },
};
