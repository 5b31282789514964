import { useEffect, useState } from 'react';
import type { Attachment } from '../../api-types';
import { Notice } from '../Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { messageOf } from '../../api';
import { readSession } from '../../session';
import { countsByPerson, mayWithdraw, type AttachableCase } from './attachment-files';
import { AttachDialog } from './AttachDialog';
import { AttachmentItem } from './AttachmentItem';
import { PreviewDialog } from './PreviewDialog';
import { saveAttachment } from './save-attachment';
import { useAttachments, useCasePeople } from './useAttachments';
import { WithdrawDialog } from './WithdrawDialog';
import './attachments.css';

type Open = { what: 'attach' } | { what: 'preview' | 'withdraw'; attachment: Attachment } | null;

/**
 * 证据材料 of a case: every file, newest first, withdrawn ones struck through; filtered to one person
 * of the case (a worker, a household member, a party) when the page asks; 添加材料 for those who may act.
 * The people are the server's (`GET …/attachments/people`): its refs and masked labels, erased people left out.
 * `person`/`onPerson` let the page drive the filter (a count beside each worker opens it).
 */
export function AttachmentsPanel({ kind, caseId, canAdd, person: shown = null, onPerson, onLoaded, onChanged }: {
  kind: AttachableCase;
  caseId: string;
  canAdd: boolean;
  person?: string | null;
  onPerson?(person: string | null): void;
  onLoaded?(attachments: readonly Attachment[]): void;
  /** A file added or withdrawn: an event on the case, so the page reads the case and its history again. */
  onChanged?(): void;
}) {
  const { t } = useI18n();
  const { attachments, error, reload } = useAttachments(kind, caseId);
  const { people: found, error: peopleError } = useCasePeople(kind, caseId);
  const people = found ?? [];
  const [own, setOwn] = useState<string | null>(shown);
  const filter = onPerson ? shown : own;
  const setFilter = onPerson ?? setOwn;
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const user = readSession()?.user;

  useEffect(() => {
    if (attachments) onLoaded?.(attachments);
  }, [attachments, onLoaded]);

  const counts = countsByPerson(attachments ?? []);
  const listed = (attachments ?? []).filter((a) => filter === null || a.person?.ref === filter);

  async function download(attachment: Attachment) {
    setNotice(null);
    try {
      await saveAttachment(kind, attachment);
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
    }
  }
  async function changed(text: string) {
    setOpen(null);
    await reload();
    onChanged?.();
    setNotice({ kind: 'info', text });
  }

  return (
    <div className="card attachments-panel no-print" data-testid="attachments-panel" data-count={attachments?.length ?? ''}>
      <div className="card-head">
        <h2>{t('att.title')}</h2>
        {canAdd && <button type="button" className="primary" data-testid="attach-open" onClick={() => { setNotice(null); setOpen({ what: 'attach' }); }}>{t('att.add')}</button>}
      </div>
      <Notice kind="error" text={error ?? (peopleError && t('att.peopleFailed', { message: peopleError }))} testId="attachments-error" />
      <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? null} testId="attachments-notice" />
      {people.length > 0 && attachments && attachments.length > 0 && (
        <div className="attachment-filter" role="group" aria-label={t('att.person')}>
          <button type="button" className={filter === null ? 'chip chip-on' : 'chip'} aria-pressed={filter === null} data-testid="attachment-filter-all" onClick={() => setFilter(null)}>
            {t('att.filterAll', { n: attachments.filter((a) => !a.withdrawn).length })}
          </button>
          {people.map((p) => (
            <button key={p.ref} type="button" className={filter === p.ref ? 'chip chip-on' : 'chip'} aria-pressed={filter === p.ref}
              data-testid="attachment-filter" data-person={p.ref} onClick={() => setFilter(p.ref)}>
              {p.label}（{counts.get(p.ref) ?? 0}）
            </button>
          ))}
        </div>
      )}
      {!attachments && !error && <p className="muted">{t('att.loading')}</p>}
      {attachments && listed.length === 0 && <p className="muted" data-testid="attachments-empty">{t('att.empty')}</p>}
      {listed.length > 0 && (
        <ul className="attachment-list" data-testid="attachment-list">
          {listed.map((a) => (
            <AttachmentItem key={a.id} kind={kind} attachment={a} canWithdraw={mayWithdraw(a, user)}
              onPreview={() => setOpen({ what: 'preview', attachment: a })} onDownload={() => void download(a)}
              onWithdraw={() => { setNotice(null); setOpen({ what: 'withdraw', attachment: a }); }} />
          ))}
        </ul>
      )}
      {open?.what === 'attach' && (
        <AttachDialog kind={kind} caseId={caseId} people={people} person={filter} onClose={() => setOpen(null)}
          onDone={(added) => void changed(t('att.uploaded', { n: added.length }))} />
      )}
      {open?.what === 'preview' && (
        <PreviewDialog kind={kind} attachment={open.attachment} onClose={() => setOpen(null)} onDownload={() => void download(open.attachment)} />
      )}
      {open?.what === 'withdraw' && (
        <WithdrawDialog kind={kind} attachment={open.attachment} onClose={() => setOpen(null)}
          onDone={() => void changed(t('att.withdrawn', { name: open.attachment.fileName }))} />
      )}
    </div>
  );
}
