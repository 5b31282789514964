import { fetchBlob } from '../../api';
import type { Attachment } from '../../api-types';
import { attachmentPath, type AttachableCase } from './attachment-files';

/** 下载: the stored bytes, fetched with the token in its header, saved under the file's own name. */
export async function saveAttachment(kind: AttachableCase, attachment: Pick<Attachment, 'id' | 'caseId' | 'fileName'>): Promise<void> {
  const blob = await fetchBlob(attachmentPath(kind, attachment.caseId, attachment.id, 'content'));
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click is handled; the URL must not outlive the page's need.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
