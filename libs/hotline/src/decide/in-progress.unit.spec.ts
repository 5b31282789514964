import { NotFoundError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-10T09:30:00+08:00', actors.stationWorker));
const contact = (reached = true, summary = '已电话联系张师傅') => ({ type: 'RecordCallerContact', data: { reached, summary } }) as const;
const note = (text = '用人单位负责人下周一到站协调') => ({ type: 'AddComplaintNote', data: { text } }) as const;

describe('contacting the caller', () => {
  it('the first contact of the round is recorded as on time within 3 working days', () => {
    spec.given(history.inProgress).when(contact()).then([events.contacted()]);
  });

  it('a first attempt that does not reach the caller still meets the first-contact limit', () => {
    spec.given(history.inProgress).when(contact(false, '电话无人接听')).then([events.contacted({ reached: false, summary: '电话无人接听' })]);
  });

  it('a first contact after the limit is recorded as late', () => {
    spec.given(history.inProgress).when(contact(), at('2026-03-13T09:00:00+08:00', actors.stationWorker)).then([
      events.contacted({ contactedAt: '2026-03-13T01:00:00.000Z', onTime: false }),
    ]);
  });

  it('later contacts are not measured against the first-contact limit', () => {
    spec.given(history.contacted).when(contact(true, '告知协调进展'), at('2026-03-16T09:00:00+08:00', actors.stationWorker)).then([
      events.contacted({ summary: '告知协调进展', contactedAt: '2026-03-16T01:00:00.000Z', firstAttempt: false, onTime: null }),
    ]);
  });

  it('without a first-contact deadline (no phone left) the contact has no on-time fact', () => {
    const noPhone = [events.received({ caller: { anonymous: true } }), events.classified(), events.assigned({ firstContactDueAt: null }), events.signedFor()];
    spec.given(noPhone).when(contact()).then([events.contacted({ onTime: null })]);
  });

  it('the caller is contacted only after the unit has signed for the order', () => {
    spec.given(history.assigned).when(contact()).thenThrows(RuleBrokenError, 'complaint_not_signed_for');
  });

  it('a resolved complaint takes no more contacts; the follow-up is its own step', () => {
    spec.given(history.resolved).when(contact()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
  });

  it('a contact needs a summary', () => {
    spec.given(history.inProgress).when(contact(true, '')).thenThrows(ValidationError, 'validation_failed');
  });
});

describe('adding a note', () => {
  it('a note is added to a complaint in progress', () => {
    spec.given(history.inProgress).when(note()).then([
      { type: 'ComplaintNoteAdded', data: { text: '用人单位负责人下周一到站协调', addedAt: '2026-03-10T01:30:00.000Z' } },
    ]);
  });

  it('a supervisor may add a note to a closed complaint', () => {
    spec.given(history.closed).when(note('抽查：办理规范'), { actor: actors.supervisor }).then([
      { type: 'ComplaintNoteAdded', data: { text: '抽查：办理规范', addedAt: '2026-03-10T01:30:00.000Z' } },
    ]);
  });

  it('a note needs a complaint and a text', () => {
    spec.given([]).when(note()).thenThrows(NotFoundError, 'complaint_not_found');
    spec.given(history.inProgress).when(note('  ')).thenThrows(ValidationError, 'validation_failed');
  });
});
