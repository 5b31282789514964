import type { PreviewKind } from './inspect-file.js';

/**
 * 证据附件: appended to the stream of the case the file proves, beside the case's own events (whose
 * folds ignore them). Who added it and when are the envelope's actor and occurred-at.
 */
export interface AttachmentAddedData {
  readonly attachmentId: string;
  /** A code of the evidence kinds (考勤卡 …). */
  readonly kind: string;
  readonly note: string | null;
  readonly fileName: string;
  /** Decided from the content. */
  readonly mediaType: string;
  /** Of the stored bytes (images re-encoded without EXIF): what a download gives. */
  readonly size: number;
  readonly sha256: string;
  /** Which person of the case the file concerns (`claimant:<id>` …), or `null` for the case as a whole. */
  readonly person: string | null;
  /** Where the bytes are in the content store. */
  readonly contentId: string;
  /** The data key they are encrypted under: the person's subject, or the case's own (a random id, not personal data). */
  readonly keySubject: string;
  readonly preview: PreviewKind;
  /** The user who added it (also the envelope's actor): the withdrawal rule reads it from the state. */
  readonly addedBy: string;
}

export interface AttachmentWithdrawnData {
  readonly attachmentId: string;
  readonly reason: string;
}

/**
 * The bytes of a withdrawn file were removed from the content store once the retention period had
 * passed since the withdrawal (ADR 0016): the history says when and under which period; the file stays listed.
 */
export interface AttachmentPurgedData {
  readonly attachmentId: string;
  readonly contentId: string;
  /** ATTACHMENT_RETENTION_DAYS when the bytes were removed. */
  readonly retentionDays: number;
}

export type AttachmentEvent =
  | { readonly type: 'AttachmentAdded'; readonly data: AttachmentAddedData }
  | { readonly type: 'AttachmentWithdrawn'; readonly data: AttachmentWithdrawnData }
  | { readonly type: 'AttachmentPurged'; readonly data: AttachmentPurgedData };

export const ATTACHMENT_EVENT_TYPES: readonly AttachmentEvent['type'][] = ['AttachmentAdded', 'AttachmentWithdrawn', 'AttachmentPurged'];

export function isAttachmentEvent(event: { readonly type: string }): event is AttachmentEvent {
  return (ATTACHMENT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** How a case's history names them (Chinese, for timelines and the audit). */
export function describeAttachmentEvent(event: AttachmentEvent, kindLabel: (code: string) => string): string {
  if (event.type === 'AttachmentAdded') return `上传证据附件：${kindLabel(event.data.kind)}「${event.data.fileName}」`;
  if (event.type === 'AttachmentWithdrawn') return `撤回证据附件（原因：${event.data.reason}）`;
  return `已撤回附件的内容按保留期限（${event.data.retentionDays} 天）删除`;
}
