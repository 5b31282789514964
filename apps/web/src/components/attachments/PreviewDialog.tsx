import type { Attachment } from '../../api-types';
import { Dialog } from '../Dialog';
import { Notice } from '../Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { attachmentPath, type AttachableCase } from './attachment-files';
import { useBlobUrl } from './useBlobUrl';

/**
 * 预览: an image (the server's re-encoded copy, at most 1600 px) or a PDF in the browser's own viewer,
 * from a `blob:` URL that is revoked when the dialog closes (the CSP allows `blob:` frames and images only).
 */
export function PreviewDialog({ kind, attachment, onClose, onDownload }: {
  kind: AttachableCase;
  attachment: Pick<Attachment, 'id' | 'caseId' | 'fileName' | 'preview'>;
  onClose(): void;
  onDownload(): void;
}) {
  const { t } = useI18n();
  const { url, error } = useBlobUrl(attachmentPath(kind, attachment.caseId, attachment.id, 'preview'), t('common.networkError'));
  return (
    <Dialog title={t('att.previewTitle', { name: attachment.fileName })} testId="attachment-preview" onClose={onClose}>
      <div className="attachment-preview-body">
        <Notice kind="error" text={error} testId="attachment-preview-error" />
        {!url && !error && <p className="muted">{t('att.previewLoading')}</p>}
        {url && attachment.preview === 'image' && <img src={url} alt={attachment.fileName} data-testid="attachment-preview-image" />}
        {url && attachment.preview === 'pdf' && <iframe src={url} title={attachment.fileName} data-testid="attachment-preview-pdf" />}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" data-testid="attachment-preview-download" onClick={onDownload}>{t('att.download')}</button>
        <button type="button" className="secondary" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Dialog>
  );
}
