import { useState } from 'react';
import { messageOf } from '../../api';
import { formatSize, PreviewDialog, saveAttachment, type AttachableCase } from '../../components/attachments';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import '../../components/attachments/attachments.css';

/** A file of the journey answer (docs/api.md, "Person journey"): one that concerns the person in that case. */
export interface JourneyFile {
  id: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  mediaType: string;
  size: number;
  addedAt: string;
  withdrawn: boolean;
}

/** The journey's kinds of case by the path their attachments live under. */
const PATH_OF: Record<string, AttachableCase> = { complaint: 'complaints', wage_case: 'wage-cases', hardship_file: 'hardship-files', mediation_case: 'mediation-cases' };

/** What the server previews (the same rule as `Attachment.preview`): images it re-encodes, and PDF. */
function previewOf(mediaType: string): 'image' | 'pdf' | null {
  if (['image/jpeg', 'image/png', 'image/webp'].includes(mediaType)) return 'image';
  return mediaType === 'application/pdf' ? 'pdf' : null;
}

/**
 * 证据材料 of the person in one case of their journey: kind, name, size, when; preview and download
 * through the case's own routes (each in the access log, as on the case page). Withdrawn files are
 * listed, marked, without their buttons.
 */
export function JourneyFiles({ caseKind, caseId, caseNumber, files }: { caseKind: string; caseId: string; caseNumber: string | null; files: readonly JourneyFile[] }) {
  const { t } = useI18n();
  const [previewing, setPreviewing] = useState<JourneyFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = PATH_OF[caseKind];
  if (!path) return null;
  const target = (file: JourneyFile) => ({ id: file.id, caseId, fileName: file.fileName, preview: previewOf(file.mediaType) });
  async function download(file: JourneyFile) {
    setError(null);
    try {
      await saveAttachment(path, target(file));
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    }
  }
  return (
    <div className="journey-files" data-testid="journey-files" data-case-id={caseId} data-case-number={caseNumber ?? ''}>
      <span className="muted">{t('journey.files')}：</span>
      {files.length === 0 && <span className="muted">{t('journey.filesNone')}</span>}
      <Notice kind="error" text={error} testId="journey-file-error" />
      <ul className="journey-file-list">
        {files.map((file) => (
          <li key={file.id} data-testid="journey-file" data-name={file.fileName} data-withdrawn={file.withdrawn ? 'true' : 'false'}>
            <span className="attachment-kind">{file.kindLabel}</span>{' '}
            <span className={file.withdrawn ? 'attachment-name withdrawn' : 'attachment-name'}>{file.fileName}</span>{' '}
            <span className="muted">{formatSize(file.size)} · {formatDateTime(file.addedAt)}</span>
            {file.withdrawn && <span className="badge" data-testid="journey-file-withdrawn"> {t('journey.fileWithdrawn')}</span>}
            {!file.withdrawn && previewOf(file.mediaType) && (
              <button type="button" className="link-button" data-testid="journey-file-preview" onClick={() => setPreviewing(file)}>{t('att.preview')}</button>
            )}
            {!file.withdrawn && <button type="button" className="link-button" data-testid="journey-file-download" onClick={() => void download(file)}>{t('att.download')}</button>}
          </li>
        ))}
      </ul>
      {previewing && <PreviewDialog kind={path} attachment={target(previewing)} onClose={() => setPreviewing(null)} onDownload={() => void download(previewing)} />}
    </div>
  );
}
