import { useState } from 'react';
import { messageOf } from '../../api';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { mayRevealParties } from '../../roles';
import { readSession } from '../../session';
import { CourtCopyDialog } from './CourtCopyDialog';
import { downloadPdf, openPrintable, type MediationDocument } from './documents';
import { caseNumberOf, type MediationCase } from './mediation-types';
import type { Attachment } from '../../api-types';
import { AttachmentsPanel, mayAttach } from '../../components/attachments';
import { SignedAgreementScans, signedScansOf } from './SignedAgreementScans';

/**
 * One click to the printable page of a document (in a new tab, with its own print button), one to its
 * PDF — both masked — and, for those who may reveal the parties, the court's copy with full identity.
 */
export function DocumentButtons({ kase, document }: { kase: MediationCase; document: MediationDocument }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [courtCopy, setCourtCopy] = useState(false);
  const role = readSession()?.user.role;
  async function run(action: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      if ((await action()) === false) setError(t('med.documents.blocked'));
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="document-buttons no-print">
      <button type="button" className="primary" data-testid={`print-${document}`} disabled={busy} onClick={() => void run(() => openPrintable(kase.id, document))}>
        {t(`med.documents.print.${document}`)}
      </button>
      <button type="button" className="secondary" data-testid={`pdf-${document}`} disabled={busy} onClick={() => void run(() => downloadPdf(kase.id, document, caseNumberOf(kase)))}>
        {t('med.documents.pdf')}
      </button>
      {role && mayRevealParties(role) && (
        <button type="button" className="secondary" data-testid={`court-copy-${document}`} disabled={busy} onClick={() => setCourtCopy(true)}>
          {t('med.documents.court')}
        </button>
      )}
      <Notice kind="error" text={error} testId={`document-error-${document}`} />
      {courtCopy && <CourtCopyDialog caseId={kase.id} document={document} onClose={() => setCourtCopy(false)} />}
    </div>
  );
}

/**
 * 文书: the documents the room hands out, drawn from the case itself — 调解协议书 once agreed, and
 * 调解不成反馈函 to the court once mediation failed (with the undisputed facts and the points in dispute).
 * Beside the agreement, its signed scan (签字扫描件) among the case's files. The files are read once, by the
 * panel below; an upload from here remounts the panel so both show the new file.
 */
export function DocumentsTab({ kase, onChanged }: { kase: MediationCase; onChanged?(): void }) {
  const { t } = useI18n();
  const [attachments, setAttachments] = useState<readonly Attachment[] | null>(null);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const canAdd = mayAttach(readSession()?.user.role, 'mediation-cases');
  const documents: { document: MediationDocument; available: boolean }[] = [
    { document: 'agreement', available: kase.agreement !== null },
    { document: 'feedback-letter', available: kase.status === 'failed' },
  ];
  const scansShown = (document: MediationDocument, available: boolean) =>
    document === 'agreement' && (available || signedScansOf(attachments ?? []).length > 0);
  function uploaded(added: Attachment[]) {
    setNotice(t('med.documents.signed.uploaded', { n: added.length }));
    setRevision((n) => n + 1);
    onChanged?.();
  }
  return (
    <>
      <div className="card" data-testid="med-documents">
        <h2>{t('med.tab.documents')}</h2>
        <Notice kind="info" text={notice} testId="med-documents-notice" />
        <ul className="documents">
          {documents.map(({ document, available }) => (
            <li key={document} data-testid={`document-${document}`} data-available={available}>
              <div>
                <strong>{t(`med.documents.name.${document}`)}</strong>
                <div className="muted">{t(available ? `med.documents.ready.${document}` : `med.documents.notYet.${document}`)}</div>
              </div>
              {available && <DocumentButtons kase={kase} document={document} />}
              {scansShown(document, available) && (
                <SignedAgreementScans caseId={kase.id} attachments={attachments} canAdd={canAdd && available} onUploaded={uploaded} />
              )}
            </li>
          ))}
        </ul>
      </div>
      {/* The signed agreement once scanned, the minutes, each party's evidence. */}
      <AttachmentsPanel key={revision} kind="mediation-cases" caseId={kase.id} canAdd={canAdd} onLoaded={setAttachments} onChanged={onChanged} />
    </>
  );
}
