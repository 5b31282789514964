import type { HotlineReference, RefItem } from '../../../api-types';
import { formatDateTime, snakeKey } from '../../../format';
import type { I18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/zh';
import { findItem, type Reference } from '../../../reference/ReferenceProvider';

/** A changed field's path (`deadlines.resolveDueAt`) → its label; unknown paths show as they are. */
const LABELS: Record<string, MessageKey> = {
  status: 'field.status',
  channel: 'field.channel',
  category: 'field.category',
  subcategory: 'field.subcategory',
  type: 'field.type',
  urgency: 'field.urgency',
  safetyRisk: 'field.safetyRisk',
  summary: 'field.summary',
  receivedAt: 'field.receivedAt',
  workersAffected: 'field.workersAffected',
  assignedUnitId: 'field.assignedUnit',
  receivingUnitId: 'audit.field.receivingUnit',
  unitId: 'field.unit',
  outcome: 'field.outcome',
  version: 'detail.version',
  'caller.name': 'field.callerName',
  'caller.phone': 'field.callerPhone',
  'caller.idNumber': 'field.idNumber',
  'employer.name': 'field.employerName',
  'employer.district': 'field.district',
  'employer.creditCode': 'field.creditCode',
  'employer.address': 'field.address',
  'deadlines.signForDueAt': 'deadline.sign_for',
  'deadlines.firstContactDueAt': 'deadline.first_contact',
  'deadlines.resolveDueAt': 'deadline.resolve',
  'deadlines.followUpDueAt': 'deadline.follow_up',
  overdue: 'audit.field.overdue',
  resolution: 'audit.field.resolution',
  'resolution.summary': 'af.resolutionSummary',
  'resolution.resolvedAt': 'audit.field.resolvedAt',
  'resolution.onTime': 'audit.field.resolvedOnTime',
  followUp: 'audit.field.followUp',
  'followUp.reached': 'detail.reached',
  'followUp.satisfaction': 'af.satisfaction',
  'followUp.followedUpAt': 'audit.field.followedUpAt',
  mergedInto: 'af.intoComplaintId',
  repeatOf: 'af.repeatOf',
};

/** Fields that say nothing to an auditor (what the buttons offered) are left out of the diff. */
export const HIDDEN_FIELDS = new Set(['allowedActions']);

const REF_LISTS: Record<string, keyof HotlineReference> = {
  channel: 'channels',
  category: 'categories',
  type: 'types',
  urgency: 'urgencies',
  outcome: 'outcomes',
  'followUp.satisfaction': 'satisfaction',
};

export function fieldLabel(path: string, { t }: I18n): string {
  return LABELS[path] ? t(LABELS[path]) : path;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the auditor reads it: labels for codes and units, Shanghai times, 是/否. */
export function formatValue(path: string, value: unknown, i18n: I18n, ref: Reference): string {
  const { t, tOr, label } = i18n;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(path, v, i18n, ref)).join('、') : '—';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.step === 'string') return tOr(`deadline.${snakeKey(record.step)}`, record.step);
    return JSON.stringify(value);
  }
  const text = String(value);
  if (path === 'status') return tOr(`status.${snakeKey(text)}`, text);
  if (/unitId$/i.test(path)) return ref.unitName(text);
  if (path === 'employer.district') return ref.units.find((u) => u.code === text)?.name ?? text;
  if (REF_LISTS[path]) return label(findItem(ref.hotline[REF_LISTS[path]] as RefItem[], text), text);
  if (path === 'overdue') return tOr(`deadline.${snakeKey(text)}`, text);
  if (ISO_TIME.test(text)) return formatDateTime(text);
  return text;
}
