import type { HistoryEntry } from '../../api-types';
import { formatYuan } from '../../format';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';

type Detail = { label: string; value: string };
type Format = 'text' | 'places' | 'money' | 'level' | 'causes' | 'aid' | 'basis' | 'cadreLevel' | 'yesNo' | 'cancelReason' | 'person' | 'unit';

/**
 * The readable details of a file's event, in this order when present: dates, levels and causes by
 * name, money in yuan, reasons. Ids are left out; the history masks ID numbers and phones already.
 */
const FIELDS: [key: string, label: MessageKey, format: Format][] = [
  ['visitedOn', 'hs.f.visitedOn', 'text'], ['startedOn', 'hs.f.noticeStartedOn', 'text'], ['endsOn', 'hs.f.noticeEndsOn', 'text'],
  ['receivedOn', 'hs.f.receivedOn', 'text'], ['resolvedOn', 'hs.f.resolvedOn', 'text'], ['registeredOn', 'hs.f.registeredOn', 'text'],
  ['transferredOn', 'hs.f.transferredOn', 'text'], ['deliveredOn', 'hs.f.deliveredOn', 'text'], ['raisedOn', 'hs.f.raisedOn', 'text'],
  ['fulfilledOn', 'hs.f.fulfilledOn', 'text'], ['reviewedOn', 'hs.f.reviewedOn', 'text'], ['liftedOn', 'hs.f.liftedOn', 'text'],
  ['relievedOn', 'hs.f.relievedOn', 'text'], ['cancelledOn', 'hs.f.cancelledOn', 'text'], ['checkedOn', 'hs.f.checkedOn', 'text'],
  ['relapsedOn', 'hs.f.relapsedOn', 'text'], ['month', 'hs.f.month', 'text'],
  ['previousLevel', 'hs.f.previousLevel', 'level'], ['level', 'hs.f.level', 'level'], ['causes', 'hs.f.causes', 'causes'],
  ['fromUnitId', 'hs.f.fromUnit', 'unit'], ['toUnitId', 'hs.f.toUnit', 'unit'],
  ['type', 'hs.f.aidType', 'aid'], ['basis', 'hs.f.basis', 'basis'], ['userId', 'hs.f.cadreUser', 'person'],
  ['monthlyHouseholdIncome', 'hs.f.monthlyHouseholdIncome', 'money'], ['incomePerHead', 'hs.income.perHead', 'money'], ['line', 'hs.income.line', 'money'],
  ['amount', 'hs.f.amount', 'money'], ['inKind', 'hs.f.inKind', 'text'], ['fundingSource', 'hs.f.fundingSource', 'text'],
  ['description', 'hs.f.wish', 'text'], ['findings', 'hs.f.findings', 'text'], ['summary', 'hs.f.objectionSummary', 'text'],
  ['upheld', 'hs.f.upheld', 'yesNo'], ['resolution', 'hs.f.resolution', 'text'], ['evidence', 'hs.f.evidence', 'text'],
  ['stable', 'hs.f.stable', 'yesNo'], ['note', 'hs.f.note', 'text'], ['visitedBy', 'hs.f.visitedBy', 'text'], ['reached', 'hs.f.reached', 'places'],
  ['nextReviewDue', 'hs.f.nextReviewDue', 'text'],
];

export function describeHardshipEvent(entry: HistoryEntry, { t, tOr }: Pick<I18n, 't' | 'tOr'>, names: { person(userId: string): string; unit(unitId: string): string }): Detail[] {
  const data = entry.data ?? {};
  const details: Detail[] = [];
  const show = (value: unknown, format: Format): string | null => {
    if (value === undefined || value === null || value === '') return null;
    switch (format) {
      case 'money': return typeof value === 'number' ? formatYuan(value) : null;
      case 'places': return Array.isArray(value) ? value.map((p) => (p === 0 ? t('hs.place.head') : t('hs.place.member', { n: Number(p) }))).join('、') : null;
      case 'level': return tOr(`hs.level.${value}`, String(value));
      case 'causes': return Array.isArray(value) ? value.map((c) => tOr(`hs.cause.${c}`, String(c))).join('、') : null;
      case 'aid': return tOr(`hs.aid.${value}`, String(value));
      case 'basis': return tOr(`hs.basis.${value}`, String(value));
      case 'cadreLevel': return tOr(`hs.cadreLevel.${value}`, String(value));
      case 'cancelReason': return tOr(`hs.cancelReason.${value}`, String(value));
      case 'yesNo': return t(value === true ? 'common.yes' : 'common.no');
      case 'person': return names.person(String(value));
      case 'unit': return names.unit(String(value));
      default: return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    }
  };
  const add = (label: MessageKey, value: string | null) => value !== null && details.push({ label: t(label), value });

  const head = data.head as { name?: string } | undefined;
  if (head?.name) add('hs.f.headName', head.name);
  if (Array.isArray(data.members)) add('hs.f.householdSize', t('hs.people', { n: data.members.length + 1 }));
  if (entry.type === 'CadreAssigned') add('hs.f.cadreLevel', show(data.level, 'cadreLevel'));
  for (const [key, label, format] of FIELDS) {
    if (entry.type === 'CadreAssigned' && key === 'level') continue;
    // 走访慰问 carries `visitedOn` and `note` too: its own labels, not the verification visit's.
    const own = entry.type === 'FamilyVisitRecorded' ? ({ visitedOn: 'hs.f.familyVisitedOn', note: 'hs.f.familyVisitNote' } as Partial<Record<string, MessageKey>>)[key] : undefined;
    add(own ?? label, show(data[key], format));
  }
  if (entry.type === 'FileCancelled') add('hs.f.cancelReason', show(data.reason, 'cancelReason'));
  const reason = entry.reason ?? (entry.type === 'FileCancelled' ? null : (data.reason as string | undefined) ?? null);
  if (reason) add('hs.f.reason', reason);
  return details;
}
