import { formatDateTime } from '../../format';
import type { HistoryEntry, HotlineReference, RefItem } from '../../api-types';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { findItem, type Reference } from '../../reference/ReferenceProvider';

/**
 * The readable details of a timeline entry: the data fields a caseworker cares about, by label.
 * Anything else in `data` (ids, personal data, deadlines) is left out.
 */
type Detail = { label: string; value: string };

const REF_FIELDS: [string, MessageKey, keyof HotlineReference][] = [
  ['channel', 'field.channel', 'channels'],
  ['category', 'field.category', 'categories'],
  ['type', 'field.type', 'types'],
  ['urgency', 'field.urgency', 'urgencies'],
  ['outcome', 'af.outcome', 'outcomes'],
  ['satisfaction', 'af.satisfaction', 'satisfaction'],
];

const TEXT_FIELDS: [string, MessageKey][] = [
  ['answer', 'af.answer'],
  ['summary', 'af.summary'],
  ['text', 'af.text'],
  ['note', 'af.note'],
  ['instructions', 'af.note'],
  ['explanation', 'af.note'],
  ['comment', 'af.note'],
];

/** Fields naming another order: shown by its number (the history answers `cases`), never its id. */
const CASE_FIELDS: [string, MessageKey][] = [
  ['intoComplaintId', 'af.intoComplaintId'],
  ['targetComplaintId', 'af.intoComplaintId'],
  ['repeatOf', 'af.repeatOf'],
];

export function describeEvent(entry: HistoryEntry, i18n: I18n, ref: Reference): Detail[] {
  const { t, tOr, label } = i18n;
  const data = entry.data ?? {};
  const details: Detail[] = [];
  const add = (key: MessageKey, value: string) => details.push({ label: t(key), value });

  if (typeof data.reached === 'boolean') add('detail.reached', t(data.reached ? 'common.yes' : 'common.no'));
  for (const [field, key, list] of REF_FIELDS) {
    const code = data[field];
    if (typeof code === 'string') add(key, label(findItem(ref.hotline[list] as RefItem[], code), code));
  }
  if (typeof data.subcategory === 'string') {
    const parent = findItem(ref.hotline.categories, data.category as string | undefined);
    add('field.subcategory', label(findItem(parent?.children, data.subcategory), data.subcategory));
  }
  if (typeof data.fromUnitId === 'string') add('af.fromUnitId', ref.unitName(data.fromUnitId));
  if (typeof data.unitId === 'string') add(entry.type === 'ComplaintReturned' ? 'af.returnedBy' : 'af.unitId', ref.unitName(data.unitId));
  if (typeof data.toUnitId === 'string') add('af.toUnitId', ref.unitName(data.toUnitId));
  if (typeof data.method === 'string') {
    const method = findItem(ref.hotline.contactMethods, data.method);
    add('af.method', method ? label(method) : tOr(`method.${data.method}`, data.method));
  }
  if (typeof data.workingDays === 'number') add('af.workingDays', String(data.workingDays));
  // An extension and a reopening both set a new resolve deadline.
  if (typeof data.resolveDueAt === 'string' && (typeof data.workingDays === 'number' || entry.type === 'ComplaintReopened')) {
    add('af.newDueAt', formatDateTime(data.resolveDueAt));
  }
  for (const [field, key] of TEXT_FIELDS) {
    if (typeof data[field] === 'string' && data[field]) add(key, data[field] as string);
  }
  for (const [field, key] of CASE_FIELDS) {
    const other = data[field];
    if (typeof other === 'string') add(key, entry.cases?.[other] ?? t('detail.caseNotVisible'));
  }
  // A return's reason is a code of the list, shown by its label; the envelope's reason is the note typed with it.
  const returnReason = entry.type === 'ComplaintReturned' && typeof data.reason === 'string' ? data.reason : null;
  if (returnReason) add('af.returnReason', label(findItem(ref.hotline.returnReasons, returnReason), returnReason));
  const reason = entry.reason ?? (!returnReason && typeof data.reason === 'string' ? data.reason : null);
  if (reason && !details.some((d) => d.value === reason)) add('af.reason', label(findItem(ref.hotline.returnReasons, reason), reason));
  return details;
}
