import type { MessageKey } from '../../i18n/zh';
import { parseYuan } from '../../yuan';
import type { UserPickerScope } from '../../components/UserPicker';

/**
 * A step of a case as a small form: what it asks for, where it goes, and how the answers become the
 * request body. Every dialog of the household page is one of these (step-dialogs.ts), and most of a
 * mediation case's (mediation/mediation-steps.ts).
 */
export type Value = string | boolean | string[];
export type Values = Record<string, Value>;

export interface StepField {
  name: string;
  label: MessageKey;
  /** `list`: short texts, one row each, added and removed (无争议事实); `time`: `HH:MM`, Shanghai. */
  kind: 'text' | 'textarea' | 'date' | 'month' | 'time' | 'yuan' | 'select' | 'checkbox' | 'checks' | 'unit' | 'list' | 'user';
  required?: boolean;
  hint?: MessageKey;
  /** For a select or checks: the codes offered, labelled by `labels[code]`, else by the message `labelPrefix + code`. */
  options?: { codes: readonly string[]; labelPrefix: string; labels?: Readonly<Record<string, string>> };
  /** For a `user`: whom the picker offers (by name, typed ahead); the value sent is the user's id. */
  picker?: UserPickerScope;
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
  /** The sentence above the fields, when the step needs one, with its `{placeholders}` filled from `introParams`. */
  intro?: MessageKey;
  introParams?: Record<string, string | number>;
  /** The request body; the default sends every filled field, trimmed, amounts in fen. */
  toBody?: (values: Values) => Record<string, unknown>;
  /** How the inputs are named in the page (`<prefix><field>`); `hs-field-` unless said. */
  fieldPrefix?: string;
  /** Where an API error on a field the form names differently belongs (`consents.1.name` → `respondentName`). */
  placeError?: (apiField: string) => string | null;
}

export const text = (value: Value | undefined): string => (typeof value === 'string' ? value.trim() : '');
const picked = (value: Value | undefined): string[] => (Array.isArray(value) ? value : []);
/** The rows of a list field that say something, trimmed. */
export const listed = (value: Value | undefined): string[] => picked(value).map((item) => item.trim()).filter((item) => item !== '');

/** An amount typed in yuan, in fen; an empty box is nothing (aid in kind, a wish fulfilled without money). */
export const fenOrZero = (value: Value | undefined): number => (text(value) === '' ? 0 : (parseYuan(text(value)) ?? 0));

/** Problems found before sending: a required field left empty, nothing ticked, an amount that is not yuan. */
export function problemsOf(spec: StepSpec, values: Values, messages: { required: string; pick: string; yuan: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checks') {
      if (field.required && picked(value).length === 0) problems[field.name] = messages.pick;
    } else if (field.kind === 'list') {
      if (field.required && listed(value).length === 0) problems[field.name] = messages.required;
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
    else if (field.kind === 'list') body[field.name] = listed(value);
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
  const placed = spec.placeError?.(apiField);
  if (placed) return placed;
  const names = new Set(spec.fields.map((f) => f.name));
  if (names.has(apiField)) return apiField;
  const parent = apiField.replace(/\.\d+$/, '');
  return names.has(parent) ? parent : null;
}
