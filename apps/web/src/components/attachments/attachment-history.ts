import { useCallback, useMemo } from 'react';
import type { Attachment, HistoryEntry } from '../../api-types';
import type { EventDetail } from '../CaseTimeline';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import type { AttachableCase } from './attachment-files';
import { useAttachments } from './useAttachments';

/** The events every kind of case carries for its files (libs/attachments `ATTACHMENT_EVENT_TYPES`, and the sweep's). */
export const ATTACHMENT_EVENT_TYPES = ['AttachmentAdded', 'AttachmentWithdrawn', 'AttachmentPurged'] as const;

export function isAttachmentEntry(entry: Pick<HistoryEntry, 'type'>): boolean {
  return (ATTACHMENT_EVENT_TYPES as readonly string[]).includes(entry.type);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * What a timeline says of a file's event, the same on the four kinds of case (the console's mirror of
 * libs/attachments `describeAttachmentEvent`): 添加证据材料 — 考勤卡 card.jpg（赵*）; 撤回证据材料 —
 * the file and the reason. The file as the case's list answers it (kind label, masked person), else
 * as the event recorded it. `null` for any other event.
 */
export function describeAttachmentEntry(entry: HistoryEntry, files: ReadonlyMap<string, Attachment>, { t }: Pick<I18n, 't'>): EventDetail[] | null {
  if (!isAttachmentEntry(entry)) return null;
  const data = entry.data ?? {};
  const file = files.get(String(data.attachmentId));
  const name = file?.fileName ?? text(data.fileName) ?? '—';
  const kind = file?.kindLabel ?? text(data.kind);
  if (entry.type === 'AttachmentAdded') {
    const person = file?.person?.label;
    const details: EventDetail[] = [{ label: t('att.event.file'), value: `${kind ? `${kind} ` : ''}${name}${person ? `（${person}）` : ''}` }];
    const note = file?.note ?? text(data.note);
    if (note) details.push({ label: t('att.note'), value: note });
    return details;
  }
  const details: EventDetail[] = [{ label: t('att.event.file'), value: `${kind ? `${kind} ` : ''}${name}` }];
  const reason = text(data.reason) ?? text(entry.reason);
  if (entry.type === 'AttachmentWithdrawn' && reason) details.push({ label: t('att.event.reason'), value: reason });
  return details;
}

/** A timeline's describer for the files of one case: reads the case's list once for the kinds' and people's labels. */
export function useAttachmentDetails(kind: AttachableCase, caseId: string | undefined): (entry: HistoryEntry) => EventDetail[] | null {
  const i18n = useI18n();
  const { attachments } = useAttachments(kind, caseId ?? '', caseId !== undefined);
  const files = useMemo(() => new Map((attachments ?? []).map((a) => [a.id, a])), [attachments]);
  return useCallback((entry: HistoryEntry) => describeAttachmentEntry(entry, files, i18n), [files, i18n]);
}
