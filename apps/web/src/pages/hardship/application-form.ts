import { parseYuan } from '../../yuan';
import type { Cause } from './hardship-types';

/** What a cadre types after a home visit to apply for a file, as strings until it is sent. */
export interface ApplicationForm {
  sourceKind: 'application' | 'screening';
  headName: string;
  idNumber: string;
  phone: string;
  employer: string;
  unionMember: boolean;
  members: MemberRow[];
  district: string;
  unitId: string;
  causes: Cause[];
  /** Declared monthly household income, in yuan as typed. */
  income: string;
}

export interface MemberRow {
  key: number;
  name: string;
  relation: string;
  age: string;
  health: string;
  schooling: string;
  work: string;
}

let nextKey = 1;
export const memberRow = (): MemberRow => ({ key: nextKey++, name: '', relation: '', age: '', health: '', schooling: '', work: '' });

export function emptyApplication(unitId: string, district: string): ApplicationForm {
  return {
    sourceKind: 'application', headName: '', idNumber: '', phone: '', employer: '', unionMember: true, members: [memberRow()],
    district, unitId, causes: [], income: '',
  };
}

const isBlank = (row: MemberRow) => [row.name, row.relation, row.age, row.health, row.schooling, row.work].every((v) => v.trim() === '');

/**
 * What the console itself can tell before sending: the income must be yuan (it becomes fen), a
 * member's age a whole number. Named by form row, like the API's errors once placed (`placeErrors`).
 */
export function applicationProblems(form: ApplicationForm, messages: { yuan: string; age: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.income.trim() !== '' && parseYuan(form.income) === null) problems.monthlyHouseholdIncome = messages.yuan;
  for (const { row, index } of sentMembers(form)) {
    if (!/^\d{1,3}$/.test(row.age.trim())) problems[`members.${index}.age`] = messages.age;
  }
  return problems;
}

/** The rows that are sent (blank ones left out), each with its index in the form. */
function sentMembers(form: ApplicationForm): { row: MemberRow; index: number }[] {
  return form.members.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
}

/**
 * The body of `POST /api/hardship-files`: income in fen, members without the blank rows, optional
 * fields left out when empty. `memberIndex[i]` is the form row of the i-th member sent, so the API's
 * `members.<i>.<field>` errors land on the right row.
 */
export function toApplicationBody(form: ApplicationForm): { body: Record<string, unknown>; memberIndex: number[] } {
  const sent = sentMembers(form);
  const member = (row: MemberRow) => ({
    name: row.name.trim(), relation: row.relation.trim(), age: /^\d+$/.test(row.age.trim()) ? Number(row.age.trim()) : row.age.trim(),
    ...(row.health.trim() ? { health: row.health.trim() } : {}),
    ...(row.schooling.trim() ? { schooling: row.schooling.trim() } : {}),
    ...(row.work.trim() ? { work: row.work.trim() } : {}),
  });
  const head = {
    name: form.headName.trim(), employer: form.employer.trim(), unionMember: form.unionMember,
    ...(form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}),
    ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
  };
  return {
    body: {
      source: { kind: form.sourceKind }, head, members: sent.map(({ row }) => member(row)), district: form.district,
      ...(form.unitId ? { unitId: form.unitId } : {}), causes: form.causes, monthlyHouseholdIncome: parseYuan(form.income) ?? null,
    },
    memberIndex: sent.map(({ index }) => index),
  };
}

/** `members.1.name` (the second member sent) → `members.<form row>.name`; other fields as they are. */
export function placeErrors(fieldErrors: Record<string, string>, memberIndex: readonly number[]): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const row = /^members\.(\d+)\.(\w+)$/.exec(field);
    const cause = /^causes\.\d+$/.test(field);
    placed[row ? `members.${memberIndex[Number(row[1])] ?? row[1]}.${row[2]}` : cause ? 'causes' : field] ??= message;
  }
  return placed;
}
