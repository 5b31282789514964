import { describe, expect, it } from '@jest/globals';
import { applicationProblems, emptyApplication, memberRow, placeErrors, toApplicationBody, type ApplicationForm } from './application-form.js';

const messages = { yuan: 'yuan', age: 'age' };

function filled(patch: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    ...emptyApplication('410105001', '410105'),
    headName: ' 陈某 ', idNumber: '410105198001010017', phone: '', employer: '郑州某纺织厂', causes: ['illness', 'schooling'], income: '2,400',
    members: [
      { ...memberRow(), name: '陈妻', relation: '配偶', age: '44', health: '尿毒症' },
      memberRow(),
      { ...memberRow(), name: '陈子', relation: '子', age: '15', schooling: '初中' },
    ],
    ...patch,
  };
}

describe('the application form as a request', () => {
  it('sends the income in fen, the members without the blank row, and leaves out what was not given', () => {
    const { body, memberIndex } = toApplicationBody(filled());
    expect(body).toEqual({
      source: { kind: 'application' },
      head: { name: '陈某', idNumber: '410105198001010017', employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
      district: '410105', unitId: '410105001', causes: ['illness', 'schooling'], monthlyHouseholdIncome: 240_000,
    });
    expect(memberIndex).toEqual([0, 2]);
  });

  it('puts the API\'s error on the second member sent on the third row of the form, and an error on one cause at the causes', () => {
    const { memberIndex } = toApplicationBody(filled());
    expect(placeErrors({ 'members.1.name': '请填写家庭成员姓名', 'causes.0': '致困原因须为…', 'head.idNumber': '身份证号码格式不正确' }, memberIndex))
      .toEqual({ 'members.2.name': '请填写家庭成员姓名', causes: '致困原因须为…', 'head.idNumber': '身份证号码格式不正确' });
  });
});

describe('what the form finds before sending', () => {
  it('refuses an income that is not yuan and an age that is not a whole number, on the row where it was typed', () => {
    const form = filled({ income: '2400.555' });
    form.members[2] = { ...form.members[2], age: '十五' };
    expect(applicationProblems(form, messages)).toEqual({ monthlyHouseholdIncome: 'yuan', 'members.2.age': 'age' });
  });

  it('finds nothing in a good form, nor in a blank member row', () => {
    expect(applicationProblems(filled(), messages)).toEqual({});
  });
});
