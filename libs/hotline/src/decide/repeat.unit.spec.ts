import { RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-09T09:05:00+08:00'));
const flag = (repeatOf = 'complaint-0') => ({ type: 'FlagAsRepeat', data: { repeatOf, matchedOn: ['same_employer'] } }) as const;
const merge = (targetComplaintId = 'complaint-0', reason?: string) =>
  ({ type: 'MergeIntoEarlierComplaint', data: { targetComplaintId, reason } }) as const;
const attach = (repeatComplaintId = 'complaint-2') => ({ type: 'AttachRepeatCall', data: { repeatComplaintId } }) as const;
const flagged = [...history.classified, events.flaggedAsRepeat()];

describe('flagging a repeat call (重复来电)', () => {
  it('a complaint is flagged as a repeat of an earlier one, with what matched', () => {
    spec.given(history.classified).when(flag()).then([events.flaggedAsRepeat()]);
  });

  it('flagging the same pair again records nothing', () => {
    spec.given(flagged).when(flag()).then([]);
  });

  it('a complaint is not a repeat of itself', () => {
    spec.given(history.classified).when(flag('complaint-1')).thenThrows(RuleBrokenError, 'cannot_repeat_itself');
  });

  it('a closed or merged complaint is not flagged', () => {
    spec.given(history.closed).when(flag()).thenThrows(RuleBrokenError, 'complaint_closed');
    spec.given([...flagged, events.merged()]).when(flag('complaint-9')).thenThrows(RuleBrokenError, 'complaint_merged');
  });

  it('what matched must be the employer or the phone', () => {
    const wrong = { type: 'FlagAsRepeat', data: { repeatOf: 'complaint-0', matchedOn: [] } } as const;
    spec.given(history.classified).when(wrong).thenThrows(ValidationError, 'validation_failed');
  });
});

describe('merging a repeat into the earlier order', () => {
  it('a flagged repeat is merged into the order it repeats, which ends it', () => {
    spec.given(flagged).when(merge('complaint-0', '同一工地同一批工人'), at('2026-03-09T09:10:00+08:00')).then([
      events.merged({ reason: '同一工地同一批工人' }),
    ]);
  });

  it('a repeat assigned and in progress may still be merged', () => {
    spec.given([...history.contacted, events.flaggedAsRepeat()]).when(merge(), at('2026-03-09T09:10:00+08:00')).then([events.merged()]);
  });

  it('a complaint is merged only into an order it was flagged as repeating', () => {
    spec.given(history.classified).when(merge()).thenThrows(RuleBrokenError, 'merge_requires_repeat_flag');
    spec.given(flagged).when(merge('complaint-7')).thenThrows(RuleBrokenError, 'merge_requires_repeat_flag');
  });

  it('a resolved, closed or already merged complaint is not merged', () => {
    spec.given([...history.resolved, events.flaggedAsRepeat()]).when(merge()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
    spec.given([...flagged, events.merged()]).when(merge()).thenThrows(RuleBrokenError, 'complaint_already_merged');
  });

  it('a merged complaint takes no further steps', () => {
    const merged = [...flagged, events.merged()];
    const reclassify = { type: 'ClassifyComplaint', data: { category: 'other', subcategory: 'other_matters', type: 'inquiry' } } as const;
    spec.given(merged).when({ type: 'AssignComplaint', data: { unitId: 'unit-x' } }).thenThrows(RuleBrokenError, 'complaint_merged');
    spec.given(merged).when(reclassify).thenThrows(RuleBrokenError, 'complaint_merged');
    spec.given(merged).when({ type: 'AnswerOnTheSpot', data: { answer: '已答复' } }).thenThrows(RuleBrokenError, 'complaint_merged');
    spec.given(merged).when(attach()).thenThrows(RuleBrokenError, 'complaint_merged');
  });
});

describe('attaching a repeat call to the earlier order', () => {
  it('the earlier order keeps the repeat on file', () => {
    spec.given(history.contacted).when(attach()).then([
      { type: 'RepeatCallAttached', data: { repeatComplaintId: 'complaint-2', attachedAt: '2026-03-09T01:05:00.000Z' } },
    ]);
  });

  it('attaching the same repeat twice records nothing', () => {
    const attached = { type: 'RepeatCallAttached', data: { repeatComplaintId: 'complaint-2', attachedAt: '2026-03-09T01:05:00.000Z' } } as const;
    spec.given([...history.contacted, attached]).when(attach()).then([]);
  });

  it('a closed order takes no more repeats', () => {
    spec.given(history.closed).when(attach()).thenThrows(RuleBrokenError, 'cannot_attach_to_closed');
  });

  it('an order does not attach itself', () => {
    spec.given(history.contacted).when(attach('complaint-1')).thenThrows(RuleBrokenError, 'cannot_repeat_itself');
  });
});
