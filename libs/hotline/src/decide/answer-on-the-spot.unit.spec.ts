import { RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { at, complaintDecider, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-09T09:05:00+08:00'));
const answer = (text = '已告知来电人可向劳动保障监察大队投诉并申请仲裁') => ({ type: 'AnswerOnTheSpot', data: { answer: text } }) as const;

describe('answering a complaint on the spot (当场答复)', () => {
  it('a classified complaint answered on the spot is closed at once', () => {
    spec.given(history.classified).when(answer()).then([
      { type: 'ComplaintAnsweredOnTheSpot', data: { answer: '已告知来电人可向劳动保障监察大队投诉并申请仲裁', answeredAt: '2026-03-09T01:05:00.000Z' } },
      { type: 'ComplaintClosed', data: { closedAt: '2026-03-09T01:05:00.000Z', via: 'answered_on_the_spot' } },
    ]);
  });

  it('an unclassified complaint must be classified first', () => {
    spec.given(history.received).when(answer()).thenThrows(RuleBrokenError, 'complaint_not_classified');
  });

  it('an assigned complaint is no longer answered on the spot', () => {
    spec.given(history.assigned).when(answer()).thenThrows(RuleBrokenError, 'complaint_already_assigned');
  });

  it('a closed complaint cannot be answered again', () => {
    spec.given(history.closed).when(answer()).thenThrows(RuleBrokenError, 'complaint_closed');
  });

  it('the answer is required', () => {
    spec.given(history.classified).when(answer('')).thenThrows(ValidationError, 'validation_failed');
  });
});
