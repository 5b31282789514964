import { ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { complaintAllowedActions } from '../complaint.allowed-actions.js';
import { fold } from '#decider';
import { actors, at, complaintDecider, events, history, receiveCommand } from '../testing/complaint.fixtures.js';
import { DEFAULT_HOTLINE_TIME_LIMITS } from '../time-limits.js';
import { correctedReferenceData, type ReferenceItemRecord } from './corrected-reference-data.js';

/** The decider reads the lists through its port each time: an administrator's change applies to the next command. */
let records: ReferenceItemRecord[] = [];
const decider = complaintDecider(DEFAULT_HOTLINE_TIME_LIMITS, { current: () => correctedReferenceData(records) });
const spec = deciderSpec(decider, at('2026-03-09T14:00:00+08:00', actors.stationWorker));

const retired = (list: ReferenceItemRecord['list'], code: string, label: string, parentCode?: string): ReferenceItemRecord =>
  ({ list, code, label, labelEn: 'Retired', active: false, ...(parentCode ? { parentCode } : {}) });

describe('codes an administrator retired or added, in new commands', () => {
  afterEach(() => {
    records = [];
  });

  it('refuses a new complaint on a retired channel or subcategory, naming the field', () => {
    records = [retired('channels', 'letter', '来信'), retired('subcategories', 'wage_arrears', '拖欠工资', 'pay')];
    const error = spec.given([]).when(receiveCommand({ channel: 'letter' }), at('2026-03-09T09:30:00+08:00')).thenThrows(ValidationError);
    expect(error.violations.map((v) => [v.field, v.rule])).toEqual([['channel', 'retired'], ['classification.subcategory', 'retired']]);
    expect(error.violations[0].message).toContain('"来信"已停用');
    expect(error.violations[0].message).not.toContain('letter（来信）');
  });

  it('refuses a return for a retired reason and accepts one an administrator added', () => {
    records = [retired('returnReasons', 'not_our_jurisdiction', '不属于本单位管辖'), { list: 'returnReasons', code: 'employer_closed', label: '用人单位已注销', labelEn: 'Employer dissolved', active: true }];
    const error = spec.given(history.assigned).when({ type: 'ReturnComplaint', data: { reason: 'not_our_jurisdiction' } }).thenThrows(ValidationError);
    expect(error.violations.map((v) => [v.field, v.rule])).toEqual([['reason', 'retired']]);
    spec.given(history.assigned).when({ type: 'ReturnComplaint', data: { reason: 'employer_closed' } }).then([
      events.returned({ reason: 'employer_closed', returnedAt: '2026-03-09T06:00:00.000Z' }),
    ]);
  });

  it('classifies into a second-level category an administrator added', () => {
    records = [{ list: 'subcategories', code: 'wage_guarantee_deposit', parentCode: 'pay', label: '工资保证金', labelEn: 'Wage guarantee deposit', active: true }];
    spec.given(history.assigned).when({ type: 'ClassifyComplaint', data: { category: 'pay', subcategory: 'wage_guarantee_deposit', type: 'request_for_action' } }).then([
      events.classified({ subcategory: 'wage_guarantee_deposit', classifiedAt: '2026-03-09T06:00:00.000Z' }),
    ]);
  });

  it('still offers every step of a complaint whose own codes, or the usual example codes, were retired', () => {
    const state = fold(decider, history.assigned);
    const context = at('2026-03-09T14:00:00+08:00', actors.stationWorker);
    const before = complaintAllowedActions(decider, state, context);
    records = [retired('categories', 'pay', '劳动报酬'), retired('categories', 'other', '其他'), retired('returnReasons', 'other', '其他原因'), retired('resolutionOutcomes', 'solved', '诉求已解决')];
    expect(complaintAllowedActions(decider, state, context)).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['classify', 'sign-for', 'return']));
  });
});
