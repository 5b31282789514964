import { useCallback, useEffect, useState } from 'react';
import { api, listOf, messageOf } from '../../api';
import type { Attachment, AttachmentKind } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { attachmentsPath, type AttachableCase } from './attachment-files';

/** The files of one case, newest first, withdrawn ones included; reloaded after every change. */
export function useAttachments(kind: AttachableCase, caseId: string) {
  const { t } = useI18n();
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setAttachments(listOf(await api.get<{ items: Attachment[] }>(attachmentsPath(kind, caseId))));
      setError(null);
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    }
  }, [kind, caseId, t]);
  useEffect(() => void reload(), [reload]);
  return { attachments, error, reload };
}

/** The administrator-kept kinds of evidence (考勤卡, 欠条 …), read once per dialog. */
export function useAttachmentKinds() {
  const { t } = useI18n();
  const [kinds, setKinds] = useState<AttachmentKind[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<{ items: AttachmentKind[] }>('/api/attachment-kinds').then(
      (answer) => live && setKinds(listOf(answer)),
      (e: unknown) => live && setError(messageOf(e, t('common.networkError'))),
    );
    return () => { live = false; };
  }, [t]);
  return { kinds, error };
}
