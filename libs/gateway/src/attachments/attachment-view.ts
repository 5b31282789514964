import { casePeople, evidenceKindLabel, type AttachmentAddedData, type EvidenceKind, type AttachmentCaseKind, type AttachmentPurgedData, type AttachmentWithdrawnData, type PreviewKind } from '#attachments';
import type { RecordedEvent } from '#event-store';

/** An attachment as the API answers it (docs/api.md, "Attachments"). */
export interface AttachmentView {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly note: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly person: { readonly ref: string; readonly label: string } | null;
  readonly addedAt: string;
  readonly addedBy: { readonly userId: string; readonly name: string; readonly unitName: string | null };
  readonly withdrawn: { readonly at: string; readonly byName: string; readonly reason: string } | null;
  readonly erased: boolean;
  /** The bytes of the withdrawn file were removed after the retention period: content and preview answer 410. */
  readonly purged: boolean;
  readonly preview: PreviewKind;
}

/** One attachment of a case as its events tell, before names are looked up. */
export interface AttachmentFacts {
  readonly data: AttachmentAddedData;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly withdrawn: { readonly at: string; readonly by: string; readonly reason: string } | null;
  readonly purged: boolean;
}

/** The attachments of a case from its events, newest first. */
export function attachmentFacts(events: readonly RecordedEvent[]): AttachmentFacts[] {
  const found = new Map<string, AttachmentFacts>();
  for (const event of events) {
    if (event.type === 'AttachmentAdded') {
      const data = event.data as AttachmentAddedData;
      found.set(data.attachmentId, { data, addedAt: event.metadata.occurredAt, addedBy: data.addedBy, withdrawn: null, purged: false });
    } else if (event.type === 'AttachmentWithdrawn') {
      const data = event.data as AttachmentWithdrawnData;
      const facts = found.get(data.attachmentId);
      if (facts) found.set(data.attachmentId, { ...facts, withdrawn: { at: event.metadata.occurredAt, by: event.metadata.actor.userId, reason: data.reason } });
    } else if (event.type === 'AttachmentPurged') {
      const facts = found.get((event.data as AttachmentPurgedData).attachmentId);
      if (facts) found.set(facts.data.attachmentId, { ...facts, purged: true });
    }
  }
  return [...found.values()].reverse();
}

export type NameOf = (userId: string) => { displayName: string; unitName: string | null };

export function attachmentView(caseId: string, kind: AttachmentCaseKind, events: readonly RecordedEvent[], facts: AttachmentFacts, nameOf: NameOf, erasedSubjects: ReadonlySet<string>, kinds?: readonly EvidenceKind[]): AttachmentView {
  const { data } = facts;
  const person = data.person ? casePeople(kind, events).find((p) => p.ref === data.person) : undefined;
  const adder = nameOf(facts.addedBy);
  return {
    id: data.attachmentId,
    caseId,
    kind: data.kind,
    kindLabel: evidenceKindLabel(data.kind, kinds),
    note: data.note,
    fileName: data.fileName,
    mediaType: data.mediaType,
    size: data.size,
    sha256: data.sha256,
    person: data.person ? { ref: data.person, label: person?.label ?? '（已删除）' } : null,
    addedAt: new Date(facts.addedAt).toISOString(),
    addedBy: { userId: facts.addedBy, name: adder.displayName, unitName: adder.unitName },
    withdrawn: facts.withdrawn ? { at: new Date(facts.withdrawn.at).toISOString(), byName: nameOf(facts.withdrawn.by).displayName, reason: facts.withdrawn.reason } : null,
    erased: erasedSubjects.has(data.keySubject),
    purged: facts.purged,
    preview: data.preview,
  };
}
