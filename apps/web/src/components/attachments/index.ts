/** Evidence files on a case (issue 19): the panel a case page places, and what it needs to place it. */
export { AttachmentsPanel } from './AttachmentsPanel';
export { countsByPerson, mayAttach, type AttachableCase, type CasePerson } from './attachment-files';
export { AttachDialog } from './AttachDialog';
export { AttachmentItem } from './AttachmentItem';
export { PreviewDialog } from './PreviewDialog';
export { mayWithdraw } from './attachment-files';
export { saveAttachment } from './save-attachment';
export { formatSize } from './attachment-files';
