import { useCallback, useEffect, useState } from 'react';
import { api, listOf, messageOf } from '../../api';
import type { Attachment, AttachmentKind } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { attachmentsPath, type AttachableCase, type CasePerson } from './attachment-files';

/** The files of one case, newest first, withdrawn ones included; reloaded after every change. */
export function useAttachments(kind: AttachableCase, caseId: string, enabled = true) {
  const { t } = useI18n();
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      setAttachments(listOf(await api.get<{ items: Attachment[] }>(attachmentsPath(kind, caseId))));
      setError(null);
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    }
  }, [kind, caseId, t, enabled]);
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

/**
 * The people of the case a file may concern, as the server names them (`GET …/attachments/people`):
 * the refs it accepts and the masked labels; erased people left out. The console numbers no one itself.
 */
export function useCasePeople(kind: AttachableCase, caseId: string) {
  const { t } = useI18n();
  const [people, setPeople] = useState<CasePerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setPeople(listOf(await api.get<{ items: CasePerson[] }>(attachmentsPath(kind, caseId, '/people'))));
      setError(null);
    } catch (e) {
      setPeople([]);
      setError(messageOf(e, t('common.networkError')));
    }
  }, [kind, caseId, t]);
  useEffect(() => void reload(), [reload]);
  return { people, error, reload };
}
