import type { ComplaintState, HotlineReference } from '../../api-types';
import type { MessageKey } from '../../i18n/zh';

/** The actions of docs/api.md and the fields of each one's form. */

export type Values = Record<string, string | boolean>;

interface Base {
  name: string;
  label: MessageKey;
  required?: boolean;
  /** Hide (and do not send) the field unless this holds. */
  showIf?: (values: Values) => boolean;
}

export type FieldSpec = Base &
  (
    | { kind: 'text' | 'textarea' }
    | { kind: 'number'; min?: number; max?: number }
    | { kind: 'checkbox' }
    | { kind: 'ref'; list: keyof HotlineReference }
    | { kind: 'subcategory' }
    | { kind: 'contactMethod' }
    | { kind: 'unit' }
    /** A case picked from a list (by number, caller, phone, employer); the earlier orders the repeat check found first. */
    | { kind: 'case'; caseKind: string }
  );

export interface ActionSpec {
  fields: FieldSpec[];
  /** The endpoint under `/api/complaints/:id/` when it is not the action's name. */
  path?: string;
  /** The confirmation after success, when "Done: <action>" would say too little. */
  done?: MessageKey;
  initial?: (complaint: ComplaintState, hotline: HotlineReference) => Values;
}

const reached = (values: Values) => values.reached === true;

export const ACTIONS: Record<string, ActionSpec> = {
  classify: {
    fields: [
      { name: 'category', label: 'field.category', kind: 'ref', list: 'categories', required: true },
      { name: 'subcategory', label: 'field.subcategory', kind: 'subcategory' },
      { name: 'type', label: 'field.type', kind: 'ref', list: 'types', required: true },
      { name: 'urgency', label: 'field.urgency', kind: 'ref', list: 'urgencies' },
    ],
    initial: (c) => ({
      category: c.category ?? '',
      subcategory: c.subcategory ?? '',
      type: c.type ?? '',
      urgency: c.urgency ?? '',
    }),
  },
  answer: { fields: [{ name: 'answer', label: 'af.answer', kind: 'textarea', required: true }] },
  assign: {
    fields: [
      { name: 'unitId', label: 'af.unitId', kind: 'unit', required: true },
      { name: 'note', label: 'af.note', kind: 'textarea' },
    ],
  },
  'sign-for': { fields: [] },
  return: {
    fields: [
      { name: 'reason', label: 'af.returnReason', kind: 'ref', list: 'returnReasons', required: true },
      { name: 'note', label: 'af.note', kind: 'textarea' },
    ],
  },
  contact: {
    fields: [
      { name: 'reached', label: 'af.reached', kind: 'checkbox' },
      { name: 'method', label: 'af.method', kind: 'contactMethod', required: true },
      { name: 'summary', label: 'af.summary', kind: 'textarea', required: true },
    ],
    initial: (_, hotline) => ({ reached: true, method: hotline.contactMethods?.find((m) => m.active !== false)?.code ?? 'phone' }),
  },
  note: { fields: [{ name: 'text', label: 'af.text', kind: 'textarea', required: true }] },
  extend: {
    fields: [
      { name: 'workingDays', label: 'af.workingDays', kind: 'number', min: 1, max: 30, required: true },
      { name: 'reason', label: 'af.reason', kind: 'textarea', required: true },
    ],
  },
  /** The handling unit asks; a supervisor of the unit approves or rejects it in the approvals inbox. */
  'request-extension': {
    path: 'extension-requests',
    done: 'detail.extensionRequested',
    fields: [
      { name: 'workingDays', label: 'af.workingDays', kind: 'number', min: 1, max: 30, required: true },
      { name: 'reason', label: 'af.extensionReason', kind: 'textarea', required: true },
    ],
  },
  resolve: {
    fields: [
      { name: 'outcome', label: 'af.outcome', kind: 'ref', list: 'outcomes', required: true },
      { name: 'summary', label: 'af.resolutionSummary', kind: 'textarea', required: true },
    ],
  },
  'follow-up': {
    fields: [
      { name: 'reached', label: 'af.reached', kind: 'checkbox' },
      { name: 'satisfaction', label: 'af.satisfaction', kind: 'ref', list: 'satisfaction', showIf: reached },
      { name: 'note', label: 'af.note', kind: 'textarea' },
    ],
    initial: () => ({ reached: true }),
  },
  close: { fields: [] },
  reopen: { fields: [{ name: 'reason', label: 'af.reason', kind: 'textarea', required: true }] },
  merge: {
    fields: [
      { name: 'intoComplaintId', label: 'af.intoComplaintId', kind: 'case', caseKind: 'complaint', required: true },
      { name: 'reason', label: 'af.reason', kind: 'textarea', required: true },
    ],
    // The earlier order the repeat-call check found is already chosen.
    initial: (complaint) => ({ intoComplaintId: (complaint.repeatOf as string[] | undefined)?.[0] ?? '' }),
  },
};

/** The required visible fields left empty, each with the Chinese message asking for it by name. */
export function missingFields(spec: ActionSpec, values: Values, t: (key: MessageKey) => string): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const field of spec.fields) {
    if (!field.required || field.kind === 'checkbox' || (field.showIf && !field.showIf(values))) continue;
    const value = values[field.name];
    if (typeof value !== 'string' || value.trim() === '') missing[field.name] = t('af.required').replace('{field}', t(field.label));
  }
  return missing;
}

/** The request body: visible fields only, numbers as numbers, empty optional text left out. */
export function toBody(spec: ActionSpec, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (field.showIf && !field.showIf(values)) continue;
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = value === true;
    else if (typeof value !== 'string' || value.trim() === '') continue;
    else if (field.kind === 'number') body[field.name] = Number(value);
    else body[field.name] = value.trim();
  }
  return body;
}
