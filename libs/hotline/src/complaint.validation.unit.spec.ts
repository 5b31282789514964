import type { ReceiveComplaint } from './complaint.commands.js';
import { validateComplaintCommand } from './complaint.validation.js';
import { receiveCommand } from './testing/complaint.fixtures.js';
import { validateReceiveComplaint } from './validation/receive-complaint.validation.js';

type ReceiveData = ReceiveComplaint['data'];
const violationsOf = (overrides: Partial<Record<keyof ReceiveData, unknown>>) =>
  validateReceiveComplaint({ ...receiveCommand().data, ...overrides } as ReceiveData).map((v) => [v.field, v.rule]);

describe('validating a received complaint', () => {
  it('a well-formed complaint has no violations', () => {
    expect(validateReceiveComplaint(receiveCommand().data)).toEqual([]);
  });

  it('names every missing required field', () => {
    expect(
      violationsOf({ complaintId: '', channel: undefined, caller: undefined, employer: undefined, summary: undefined, receivedAt: undefined, receivingUnitId: '' }),
    ).toEqual([
      ['complaintId', 'required'],
      ['channel', 'one_of'],
      ['caller', 'required'],
      ['employer', 'required'],
      ['summary', 'required'],
      ['receivedAt', 'instant'],
      ['receivingUnitId', 'required'],
    ]);
  });

  it('codes must come from the reference lists', () => {
    expect(violationsOf({ channel: 'fax', urgency: 'very_urgent' })).toEqual([
      ['channel', 'one_of'],
      ['urgency', 'one_of'],
    ]);
    expect(violationsOf({ classification: { category: 'pay', subcategory: 'maternity_leave', type: 'complaint' } })).toEqual([
      ['classification.subcategory', 'one_of'],
      ['classification.type', 'one_of'],
    ]);
    expect(violationsOf({ classification: { category: 'wages', subcategory: 'wage_arrears', type: 'inquiry' } })).toEqual([['classification.category', 'one_of']]);
  });

  it('an order handed down by the provincial platform needs its order number', () => {
    expect(violationsOf({ channel: 'provincial_platform' })).toEqual([['externalReference', 'required']]);
  });

  it('a named caller needs a name; an anonymous one gives neither name nor ID number', () => {
    expect(violationsOf({ caller: { anonymous: false, phone: '13800138000' } })).toEqual([['caller.name', 'required']]);
    expect(violationsOf({ caller: { anonymous: true, name: '李某', idNumber: '11010519491231002X' } })).toEqual([
      ['caller.name', 'anonymous'],
      ['caller.idNumber', 'anonymous'],
    ]);
    expect(violationsOf({ caller: { name: '李某' } })).toEqual([['caller.anonymous', 'boolean']]);
  });

  it('the phone must be a mainland mobile or landline number and the ID number must pass its check digit', () => {
    expect(violationsOf({ caller: { anonymous: false, name: '李某', phone: '1380013800', idNumber: '110105194912310021' } })).toEqual([
      ['caller.phone', 'phone'],
      ['caller.idNumber', 'id_number'],
    ]);
  });

  it('workers affected is a whole number of at least 1', () => {
    expect(violationsOf({ workersAffected: 0 })).toEqual([['workersAffected', 'integer_min']]);
    expect(violationsOf({ workersAffected: 2.5 })).toEqual([['workersAffected', 'integer_min']]);
  });

  it('the employer needs a name and a 6-digit district code; a credit code, if given, has 18 valid characters', () => {
    expect(violationsOf({ employer: { name: '', district: '41010', creditCode: '9141010' } })).toEqual([
      ['employer.name', 'required'],
      ['employer.creditCode', 'credit_code'],
      ['employer.district', 'district_code'],
    ]);
  });

  it('the summary has a maximum length and safety risk must be stated', () => {
    expect(violationsOf({ summary: '欠'.repeat(2001), safetyRisk: undefined })).toEqual([
      ['safetyRisk', 'boolean'],
      ['summary', 'max_length'],
    ]);
  });

  it('never puts the caller’s phone, ID number or name in a message', () => {
    const violations = validateReceiveComplaint({
      ...receiveCommand().data,
      caller: { anonymous: true, name: '王秀英', phone: '1391234567', idNumber: '41010519900101123' },
    });
    expect(violations.length).toBe(3);
    for (const { message } of violations) {
      expect(message).not.toMatch(/王秀英|1391234567|41010519900101123/);
    }
  });
});

describe('validating the other commands', () => {
  it('signing for has nothing to validate', () => {
    expect(validateComplaintCommand({ type: 'SignForComplaint', data: {} })).toEqual([]);
  });

  it('an extension names each bad field', () => {
    expect(validateComplaintCommand({ type: 'ExtendResolutionDeadline', data: { workingDays: 0, reason: '' } }).map((v) => v.field)).toEqual([
      'workingDays',
      'reason',
    ]);
  });

  it('a follow-up that reached the caller needs a satisfaction from the list', () => {
    const [violation] = validateComplaintCommand({ type: 'RecordFollowUp', data: { reached: true, satisfaction: 'happy' as never } });
    expect(violation).toMatchObject({ field: 'satisfaction', rule: 'one_of' });
    // The choices are named as the person at the form knows them, never by their codes.
    expect(violation?.message).toContain('基本满意');
    expect(violation?.message).not.toContain('basically_satisfied');
  });
});
