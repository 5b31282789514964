import { useState } from 'react';
import { messageOf } from '../../api';
import type { Attachment } from '../../api-types';
import { AttachDialog, AttachmentItem, PreviewDialog, saveAttachment } from '../../components/attachments';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import '../../components/attachments/attachments.css';

/** The evidence kind of a signed, scanned agreement (libs/attachments, EVIDENCE_KINDS): 调解协议（签字）. */
export const SIGNED_AGREEMENT = 'signed_agreement';

/** The scans of the signed agreement among a case's files: not withdrawn, newest first as the server lists them. */
export function signedScansOf(attachments: readonly Attachment[]): Attachment[] {
  return attachments.filter((a) => a.kind === SIGNED_AGREEMENT && !a.withdrawn);
}

/**
 * 签字扫描件, beside the generated 调解协议书: once the parties sign the printed agreement, its scan is
 * attached to the case (issue 19, point 5). Shows the scans with who added them and when, to preview or
 * download; with none, 上传签字扫描件 opens the usual upload with 调解协议（签字） chosen. The scan is
 * the case's, not one party's: the dialog asks for no person. Withdrawing stays in the files panel below.
 */
export function SignedAgreementScans({ caseId, attachments, canAdd, onUploaded }: {
  caseId: string;
  /** The case's files as the panel below read them; `null` while they load. */
  attachments: readonly Attachment[] | null;
  canAdd: boolean;
  onUploaded(added: Attachment[]): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ what: 'attach' } | { what: 'preview'; attachment: Attachment } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (attachments === null) return null;
  const scans = signedScansOf(attachments);

  async function download(attachment: Attachment) {
    setError(null);
    try {
      await saveAttachment('mediation-cases', attachment);
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    }
  }

  return (
    <div className="signed-scans" data-testid="signed-scans" data-count={scans.length}>
      <div className="signed-scans-head">
        <strong>{t('med.documents.signed.title')}</strong>
        {scans.length === 0 && <span className="muted" data-testid="signed-scans-none">{t('med.documents.signed.none')}</span>}
      </div>
      <Notice kind="error" text={error} testId="signed-scans-error" />
      {scans.length > 0 && (
        <ul className="attachment-list">
          {scans.map((a) => (
            <AttachmentItem key={a.id} kind="mediation-cases" attachment={a} canWithdraw={false}
              onPreview={() => setOpen({ what: 'preview', attachment: a })} onDownload={() => void download(a)} onWithdraw={() => undefined} />
          ))}
        </ul>
      )}
      {scans.length === 0 && canAdd && (
        <button type="button" className="primary" data-testid="signed-scan-upload" onClick={() => { setError(null); setOpen({ what: 'attach' }); }}>
          {t('med.documents.signed.upload')}
        </button>
      )}
      {open?.what === 'attach' && (
        <AttachDialog kind="mediation-cases" caseId={caseId} people={[]} evidenceKind={SIGNED_AGREEMENT} onClose={() => setOpen(null)}
          onDone={(added) => { setOpen(null); onUploaded(added); }} />
      )}
      {open?.what === 'preview' && (
        <PreviewDialog kind="mediation-cases" attachment={open.attachment} onClose={() => setOpen(null)} onDownload={() => void download(open.attachment)} />
      )}
    </div>
  );
}
