import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api';
import type { Attachment } from '../../api-types';
import { Dialog } from '../Dialog';
import { Field } from '../Field';
import { Notice } from '../Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { attachmentsPath, fileErrorsByIndex, type AttachableCase, type CasePerson } from './attachment-files';
import { FileChooser } from './FileChooser';
import { useAttachmentKinds } from './useAttachments';

/**
 * 添加证据材料: a kind from the administrator's list, a note, the person of the case the files
 * concern, and the files. One multipart request; a refused file refuses them all (the server's
 * rule), and each refusal is shown beside its file so the user can remove it and send again.
 */
export function AttachDialog({ kind, caseId, people, person: initialPerson, evidenceKind: initialKind, onClose, onDone }: {
  kind: AttachableCase;
  caseId: string;
  people: readonly CasePerson[];
  person?: string | null;
  /** The kind chosen beforehand (上传签字扫描件 opens the dialog on 调解协议（签字）); ignored when not on the list (retired). */
  evidenceKind?: string;
  onClose(): void;
  onDone(added: Attachment[]): void;
}) {
  const { t } = useI18n();
  const { kinds, error: kindsError } = useAttachmentKinds();
  const key = useIdempotencyKey();
  const [wanted, setEvidenceKind] = useState(initialKind ?? '');
  // Only a kind the list offers counts as chosen: a preselected kind the administrator retired is no choice.
  const evidenceKind = kinds.some((k) => k.code === wanted) ? wanted : '';
  const [note, setNote] = useState('');
  const [person, setPerson] = useState(initialPerson ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [fileErrors, setFileErrors] = useState<Map<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseFiles = (next: File[]) => {
    setFiles(next);
    // The refusals were of the files as sent; a changed list is a new request.
    setFileErrors(new Map());
    setFieldErrors((errors) => ({ ...errors, files: '' }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!evidenceKind) missing.kind = t('att.required.kind');
    if (files.length === 0) missing.files = t('att.required.files');
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const form = new FormData();
    form.append('kind', evidenceKind);
    if (note.trim()) form.append('note', note.trim());
    if (person) form.append('person', person);
    for (const file of files) form.append('files', file, file.name);
    setBusy(true);
    setError(null);
    try {
      const answer = await api.upload<{ items: Attachment[] }>(attachmentsPath(kind, caseId), form, key.current());
      key.settle('ok');
      onDone(answer?.items ?? []);
    } catch (e) {
      key.settle(e);
      setError(messageOf(e, t('common.networkError')));
      if (e instanceof ApiError) {
        setFileErrors(fileErrorsByIndex(e.body.errors));
        setFieldErrors(e.fieldErrors);
      }
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('att.dialogTitle')} testId="attach-dialog" onClose={onClose}>
      <form className="dialog-form attach-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={error ?? kindsError} testId="attach-error" />
        <Field id="attach-kind" label={t('att.kind')} error={fieldErrors.kind}>
          <select id="attach-kind" data-testid="attach-kind" value={evidenceKind} onChange={(e) => setEvidenceKind(e.target.value)}>
            <option value="">{t('att.kindChoose')}</option>
            {kinds.map((k) => <option key={k.code} value={k.code}>{k.label}</option>)}
          </select>
        </Field>
        {people.length > 0 && (
          <Field id="attach-person" label={t('att.person')} error={fieldErrors.person}>
            <select id="attach-person" data-testid="attach-person" value={person} onChange={(e) => setPerson(e.target.value)}>
              <option value="">{t('att.personNone')}</option>
              {people.map((p) => <option key={p.ref} value={p.ref}>{p.label}</option>)}
            </select>
          </Field>
        )}
        <Field id="attach-note" label={t('att.note')} error={fieldErrors.note}>
          <input id="attach-note" data-testid="attach-note" maxLength={500} value={note} placeholder={t('att.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className={fieldErrors.files ? 'field field-invalid' : 'field'}>
          <div className="field-head"><span className="field-label">{t('att.files')}</span></div>
          <FileChooser files={files} errors={fileErrors} onChange={chooseFiles} disabled={busy} />
          {fieldErrors.files && <div className="field-error" role="alert" data-testid="error-attach-files">{fieldErrors.files}</div>}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="attach-submit" disabled={busy}>{busy ? t('att.uploading') : t('att.upload')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
