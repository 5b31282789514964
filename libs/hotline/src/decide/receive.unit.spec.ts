import { NotFoundError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history, receiveCommand } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-09T09:00:00+08:00', actors.receiver));

describe('receiving a complaint (受理)', () => {
  it('a complaint received with a category is received and classified in one decision', () => {
    spec.given([]).when(receiveCommand()).then([events.received(), events.classified()]);
  });

  it('a complaint received without a category is only received, to be classified later', () => {
    spec.given([]).when(receiveCommand({ classification: undefined })).then([events.received()]);
  });

  it('stores phone numbers without the country prefix, ID numbers and credit codes in upper case', () => {
    const command = receiveCommand({
      classification: undefined,
      caller: { anonymous: false, name: ' 张师傅 ', phone: '+86 138-0013-8000', idNumber: '11010519491231002x' },
      employer: { name: '郑州某某建筑劳务有限公司', creditCode: '91410105ma9f123456', district: '410105' },
    });
    spec.given([]).when(command).then([
      events.received({
        caller: { anonymous: false, name: '张师傅', phone: '13800138000', idNumber: '11010519491231002X' },
        employer: { name: '郑州某某建筑劳务有限公司', creditCode: '91410105MA9F123456', district: '410105' },
      }),
    ]);
  });

  it('an anonymous caller may leave a phone number for a call back', () => {
    const command = receiveCommand({ classification: undefined, caller: { anonymous: true, phone: '13800138000' } });
    spec.given([]).when(command).then([events.received({ caller: { anonymous: true, phone: '13800138000' } })]);
  });

  it('a handed-down order keeps the provincial order number', () => {
    const command = receiveCommand({ classification: undefined, channel: 'provincial_platform', externalReference: 'HN-2026-000123' });
    spec.given([]).when(command).then([events.received({ channel: 'provincial_platform', externalReference: 'HN-2026-000123' })]);
  });

  it('a complaint cannot be received twice', () => {
    spec.given(history.received).when(receiveCommand()).thenThrows(RuleBrokenError, 'complaint_already_received');
  });

  it('a complaint cannot be received with a time in the future: a 400 naming receivedAt', () => {
    const command = receiveCommand({ receivedAt: new Date('2026-03-09T09:00:01+08:00') });
    const error = spec.given([]).when(command).thenThrows(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ field: 'receivedAt', rule: 'future_date' })]);
  });

  it('a complaint taken down on paper long ago may be received with its own past time', () => {
    const command = receiveCommand({ classification: undefined, receivedAt: new Date('2018-05-15T10:00:00+08:00') });
    spec.given([]).when(command).then([events.received({ receivedAt: '2018-05-15T02:00:00.000Z' })]);
  });

  it('a malformed complaint is rejected field by field before any rule', () => {
    const error = spec.given(history.received).when(receiveCommand({ workersAffected: 0, summary: ' ' })).thenThrows(ValidationError);
    expect(error.violations.map((v) => v.field)).toEqual(['workersAffected', 'summary']);
  });
});

describe('classifying a complaint', () => {
  const reclassify = { type: 'ClassifyComplaint', data: { category: 'social_insurance', subcategory: 'insurance_not_paid', type: 'request_for_action' } } as const;

  it('a received complaint is classified', () => {
    spec.given(history.received).when(reclassify).then([
      events.classified({ category: 'social_insurance', subcategory: 'insurance_not_paid', classifiedAt: '2026-03-09T01:00:00.000Z' }),
    ]);
  });

  it('an assigned complaint may still be reclassified', () => {
    spec.given(history.assigned).when(reclassify).then([events.classified({ category: 'social_insurance', subcategory: 'insurance_not_paid' })]);
  });

  it('the same classification again records nothing', () => {
    const same = { type: 'ClassifyComplaint', data: { category: 'pay', subcategory: 'wage_arrears', type: 'request_for_action' } } as const;
    spec.given(history.classified).when(same).then([]);
  });

  it('a complaint that was never received cannot be classified', () => {
    spec.given([]).when(reclassify).thenThrows(NotFoundError, 'complaint_not_found');
  });

  it('a resolved complaint cannot be reclassified', () => {
    spec.given(history.resolved).when(reclassify).thenThrows(RuleBrokenError, 'complaint_already_resolved');
  });

  it('a closed complaint cannot be reclassified', () => {
    spec.given(history.closed).when(reclassify).thenThrows(RuleBrokenError, 'complaint_closed');
  });

  it('a subcategory must belong to the category', () => {
    const wrong = { type: 'ClassifyComplaint', data: { category: 'pay', subcategory: 'insurance_not_paid', type: 'inquiry' } } as const;
    const error = spec.given(history.received).when(wrong).thenThrows(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ field: 'subcategory', rule: 'one_of' })]);
    expect(error.message).toContain('劳动报酬');
  });
});
