import { casePeople, evidenceKindLabel, type AttachmentCaseKind, type EvidenceKind } from '#attachments';
import type { EventStore } from '#event-store';
import { ATTACHMENT_CASE_KINDS } from './attachment-case-kinds.js';
import { attachmentFacts } from './attachment-view.js';

/** A file of the person journey (docs/api.md, "Person journey"): what it is, never its bytes. */
export interface JourneyAttachment {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly addedAt: string;
  readonly withdrawn: boolean;
}

/**
 * The files of one case that concern the person with this ID number, newest first: the person is
 * found among the case's people by the same rule uploads use (`casePeople`); an erased person reads no
 * ID number, so their files are not listed.
 */
export async function personAttachments(store: EventStore, caseKind: string, caseId: string, idNumber: string, kinds?: readonly EvidenceKind[]): Promise<JourneyAttachment[]> {
  const spec = ATTACHMENT_CASE_KINDS.find((k) => k.kind === caseKind);
  if (!spec) return [];
  const events = await store.readStream(spec.stream(caseId));
  const refs = new Set(casePeople(spec.kind as AttachmentCaseKind, events).filter((p) => !p.erased && p.fields.idNumber === idNumber).map((p) => p.ref));
  if (refs.size === 0) return [];
  return attachmentFacts(events)
    .filter((f) => f.data.person !== null && refs.has(f.data.person))
    .map((f) => ({
      id: f.data.attachmentId,
      kind: f.data.kind,
      kindLabel: evidenceKindLabel(f.data.kind, kinds),
      fileName: f.data.fileName,
      mediaType: f.data.mediaType,
      size: f.data.size,
      addedAt: new Date(f.addedAt).toISOString(),
      withdrawn: f.withdrawn !== null,
    }));
}
