import type { Attachment } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { attachmentPath, formatSize, type AttachableCase } from './attachment-files';
import { useBlobUrl } from './useBlobUrl';

/** One file: its thumbnail (images), kind, note, name and size, who added it and when, the person; struck through once withdrawn. */
export function AttachmentItem({ kind, attachment: a, canWithdraw, onPreview, onDownload, onWithdraw }: {
  kind: AttachableCase;
  attachment: Attachment;
  canWithdraw: boolean;
  onPreview(): void;
  onDownload(): void;
  onWithdraw(): void;
}) {
  const { t } = useI18n();
  const readable = !a.erased && !a.withdrawn;
  const classes = ['attachment', a.withdrawn && 'attachment-withdrawn', a.erased && 'attachment-erased'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="attachment" data-attachment-id={a.id} data-name={a.fileName} data-withdrawn={a.withdrawn ? 'true' : 'false'}>
      {a.preview === 'image' && readable
        ? <Thumbnail kind={kind} attachment={a} onOpen={onPreview} />
        : <span className="attachment-icon" aria-hidden="true">{iconOf(a.mediaType)}</span>}
      <div className="attachment-body">
        <div className="attachment-title">
          <span className="badge badge-status" data-testid="attachment-kind">{a.kindLabel}</span>
          <span className="attachment-name" data-testid="attachment-name">{a.fileName}</span>
          <span className="muted nowrap">{formatSize(a.size)}</span>
          {a.withdrawn && <span className="badge badge-disabled">{t('att.withdrawnMark')}</span>}
        </div>
        {a.note && <div className="attachment-note">{a.note}</div>}
        {a.person && <div className="muted" data-testid="attachment-person">{t('att.for', { person: a.person.label })}</div>}
        <div className="muted attachment-meta">{t('att.addedBy', { name: a.addedBy.name, unit: a.addedBy.unitName, time: formatDateTime(a.addedAt) })}</div>
        {a.withdrawn && (
          <div className="attachment-withdrawal" data-testid="attachment-withdrawal">
            {t('att.withdrawnBy', { name: a.withdrawn.byName, time: formatDateTime(a.withdrawn.at), reason: a.withdrawn.reason })}
          </div>
        )}
        {a.erased && <div className="muted">{t('att.erased')}</div>}
        {readable && (
          <div className="attachment-actions">
            {a.preview && <button type="button" className="secondary" data-testid="attachment-preview-open" onClick={onPreview}>{t('att.preview')}</button>}
            <button type="button" className="secondary" data-testid="attachment-download" onClick={onDownload}>{t('att.download')}</button>
            {canWithdraw && <button type="button" className="link-button text-danger-link" data-testid="attachment-withdraw" onClick={onWithdraw}>{t('att.withdraw')}</button>}
          </div>
        )}
      </div>
    </li>
  );
}

function Thumbnail({ kind, attachment, onOpen }: { kind: AttachableCase; attachment: Attachment; onOpen(): void }) {
  const { t } = useI18n();
  const { url, error } = useBlobUrl(attachmentPath(kind, attachment.caseId, attachment.id, 'preview'), t('common.networkError'));
  return (
    <button type="button" className="attachment-thumb" data-testid="attachment-thumb" aria-label={t('att.preview')} title={error ?? undefined} onClick={onOpen}>
      {url ? <img src={url} alt="" data-testid="attachment-thumb-image" /> : <span className="muted">{error ? t('att.thumbnailFailed') : '…'}</span>}
    </button>
  );
}

function iconOf(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return 'IMG';
  if (/sheet|excel/.test(mediaType)) return 'XLS';
  if (/word/.test(mediaType)) return 'DOC';
  return 'FILE';
}
