import type { MessageKey } from '../../i18n/zh';
import { parseYuan } from '../../yuan';

/**
 * A step of a hardship file as a small form: what it asks for, where it goes, and how the answers
 * become the request body. Every dialog of the household page is one of these (step-dialogs.ts).
 */
export type Value = string | boolean | string[];
export type Values = Record<string, Value>;

export interface StepField {
  name: string;
  label: MessageKey;
  kind: 'text' | 'textarea' | 'date' | 'month' | 'yuan' | 'select' | 'checkbox' | 'checks' | 'unit';
  required?: boolean;
  hint?: MessageKey;
  /** For a select or checks: the codes offered, labelled by `labelPrefix + code`. */
  options?: { codes: readonly string[]; labelPrefix: string };
}

export interface StepSpec {
  /** Names the dialog in tests (`dialog-<id>`). */
  id: string;
  title: MessageKey;
  submit: MessageKey;
  path: string;
  fields: StepField[];
  initial?: Values;
  danger?: boolean;
  /** The sentence above the fields, when the step needs one. */
  intro?: MessageKey;
  /** The request body; the default sends every filled field, trimmed, amounts in fen. */
  toBody?: (values: Values) => Record<string, unknown>;
}

export const text = (value: Value | undefined): string => (typeof value === 'string' ? value.trim() : '');
const picked = (value: Value | undefined): string[] => (Array.isArray(value) ? value : []);

/** An amount typed in yuan, in fen; an empty box is nothing (aid in kind, a wish fulfilled without money). */
export const fenOrZero = (value: Value | undefined): number => (text(value) === '' ? 0 : (parseYuan(text(value)) ?? 0));

/** Problems found before sending: a required field left empty, nothing ticked, an amount that is not yuan. */
export function problemsOf(spec: StepSpec, values: Values, messages: { required: string; pick: string; yuan: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checks') {
      if (field.required && picked(value).length === 0) problems[field.name] = messages.pick;
    } else if (field.kind === 'checkbox') {
      continue; // a box left unticked is an answer; the API says when it must be ticked (consent)
    } else if (field.required && text(value) === '') problems[field.name] = messages.required;
    else if (field.kind === 'yuan' && text(value) !== '' && parseYuan(text(value)) === null) problems[field.name] = messages.yuan;
  }
  return problems;
}

export function defaultBody(spec: StepSpec, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = value === true;
    else if (field.kind === 'checks') body[field.name] = picked(value);
    else if (text(value) === '') continue;
    else body[field.name] = field.kind === 'yuan' ? parseYuan(text(value)) : text(value);
  }
  return body;
}

/**
 * The field of the form an API error belongs to: `causes.1` (the second cause) is shown at `causes`;
 * `null` when the form has no such field, so the message goes to the dialog's notice.
 */
export function fieldOfError(spec: StepSpec, apiField: string): string | null {
  const names = new Set(spec.fields.map((f) => f.name));
  if (names.has(apiField)) return apiField;
  const parent = apiField.replace(/\.\d+$/, '');
  return names.has(parent) ? parent : null;
}
