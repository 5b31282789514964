/** Evidence files on a case (issue 19): the panel a case page places, and what it needs to place it. */
export { AttachmentsPanel } from './AttachmentsPanel';
export { countsByPerson, mayAttach, type AttachableCase, type CasePerson } from './attachment-files';
export { PreviewDialog } from './PreviewDialog';
export { saveAttachment } from './save-attachment';
export { formatSize } from './attachment-files';
