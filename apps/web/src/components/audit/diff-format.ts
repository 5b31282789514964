import type { RefItem } from '../../api-types';
import { formatDateTime, formatYuan, snakeKey } from '../../format';
import type { I18n } from '../../i18n/I18nProvider';
import { findItem, type Reference } from '../../reference/ReferenceProvider';
import type { AuditVocabulary } from './audit-subject';

/** A changed field's path (`deadlines.resolveDueAt`) → its label; unknown paths show as they are. */
export function fieldLabel(path: string, vocabulary: AuditVocabulary, { t }: I18n): string {
  const key = vocabulary.labels[path];
  return key ? t(key) : path;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the auditor reads it: labels for codes and units, Shanghai times, 是/否. */
export function formatValue(path: string, value: unknown, vocabulary: AuditVocabulary, i18n: I18n, ref: Reference): string {
  const { t, tOr, label } = i18n;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const objects = value.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    return value.map((v) => formatValue(path, v, vocabulary, i18n, ref)).join(objects ? '\n' : '、');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.step === 'string') return tOr(`deadline.${snakeKey(record.step)}`, record.step);
    // One item of a list (a claimant, an aid delivery): its filled fields, labelled, ids left out.
    return Object.entries(record)
      .filter(([key, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0) && !/Id$/.test(key))
      .map(([key, v]) => `${fieldLabel(`${path}.${key}`, vocabulary, i18n)}：${formatValue(`${path}.${key}`, v, vocabulary, i18n, ref)}`)
      .join('；');
  }
  if (typeof value === 'number' && vocabulary.money?.has(path)) return formatYuan(value);
  const text = String(value);
  if (path === 'status') return tOr(`${vocabulary.statusPrefix}${vocabulary.statusPrefix === 'status.' ? snakeKey(text) : text}`, text);
  if (/unitId$|roomId$/i.test(path)) return ref.unitName(text);
  if (path === 'employer.district' || path === 'district' || path === 'respondent.district') return ref.units.find((u) => u.code === text)?.name ?? text;
  const prefix = vocabulary.codes?.[path];
  if (prefix) return tOr(`${prefix}${text}`, text);
  const list = vocabulary.refLists?.[path];
  if (list) return label(findItem(ref.hotline[list] as RefItem[], text), text);
  if (path === 'overdue') return tOr(`deadline.${snakeKey(text)}`, text);
  if (ISO_TIME.test(text)) return formatDateTime(text);
  return text;
}
