import { Inject, Injectable } from '@nestjs/common';
import {
  AttachmentLedger, AttachmentRefused, attachmentDecider, evidenceKindViolations, casePeople, decryptContent, encryptContent, imagePreview, inspectFile, isAccepted,
  reasonViolations, subjectOfUnidentifiedPerson, type AcceptedFile, type AttachmentAddedData, type EvidenceKind, type AttachmentLimits, type ContentStore, type IncomingFile,
} from '#attachments';
import { deterministicUuid, handleCommand, type IdempotencyStore } from '#command-handling';
import { GoneError } from './gone.error.js';
import { ConcurrencyConflictError, NotFoundError, ValidationError, type FieldViolation } from '#errors';
import type { EventStore, RecordedEvent } from '#event-store';
import { personIdentifiers, type PersonalDataProtection } from '#personal-data';
import { EVENT_STORE, IDEMPOTENCY, PERSONAL_DATA } from '#service-tokens';
import type { AuthenticatedUser } from '../auth/current-user.js';
import type { HttpCommandMeta } from '../http/command-meta.decorator.js';
import { ActorNames } from '../users/actor-names.js';
import { ATTACHMENT_LIMITS, CONTENT_STORE } from './attachment-tokens.js';
import type { AttachmentCaseKindSpec } from './attachment-case-kinds.js';
import { attachmentFacts, attachmentView, type AttachmentFacts, type AttachmentView } from './attachment-view.js';
import { CaseReader } from './case-reader.js';
import { EVIDENCE_KIND_LIST, type EvidenceKindList } from '../reference/evidence-kinds.store.js';

export interface UploadFields {
  readonly kind?: unknown;
  readonly note?: unknown;
  readonly person?: unknown;
}

/** What a download or preview answers: bytes, their type, and the names the access log wants. */
export interface ServedContent {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly fileName: string;
  readonly person: string | null;
}

/**
 * 证据附件 of every kind of case: checks, encryption with the person's key, bytes to the content
 * store first and the event after (a crash in between leaves bytes the sweep removes, never an event
 * without its bytes), and reads that answer 410 once the person was erased.
 */
@Injectable()
export class Attachments {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDEMPOTENCY) private readonly idempotency: IdempotencyStore,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataProtection,
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    @Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimits,
    private readonly cases: CaseReader,
    private readonly names: ActorNames,
    @Inject(EVIDENCE_KIND_LIST) private readonly kinds: EvidenceKindList,
    private readonly ledger: AttachmentLedger,
  ) {}

  /** The people of the case a file may concern, by the refs `add` accepts (the one rule: `casePeople`), erased ones left out. */
  async people(spec: AttachmentCaseKindSpec, caseId: string, user: AuthenticatedUser): Promise<{ items: { ref: string; label: string }[] }> {
    const events = await this.cases.visibleEvents(spec, caseId, user);
    return { items: casePeople(spec.kind, events).filter((p) => !p.erased).map(({ ref, label }) => ({ ref, label })) };
  }

  async add(spec: AttachmentCaseKindSpec, caseId: string, fields: UploadFields, files: readonly IncomingFile[], user: AuthenticatedUser, meta: HttpCommandMeta): Promise<{ items: AttachmentView[] }> {
    const events = await this.cases.visibleEvents(spec, caseId, user);
    const person = this.checkFields(spec, events, fields, files, await this.kinds.all());
    const inspected = await Promise.all(files.map((file, index) => inspectFile(file, index, this.limits)));
    const refused = inspected.filter((result): result is FieldViolation => !isAccepted(result));
    if (refused.length > 0) throw new AttachmentRefused(refused);
    const accepted = inspected as AcceptedFile[];
    const written = await this.idempotency.once(
      meta.actor.userId,
      meta.idempotencyKey,
      async () => {
        const { subject, key } = await this.keyFor(spec, caseId, person);
        const ids = accepted.map((_, index) => deterministicUuid(meta.commandId, 'attachment', String(index)));
        // Named in the ledger before any byte is stored: if the event never follows, the sweep finds them (ADR 0016).
        await this.ledger.uploading(ids, spec.stream(caseId), meta.now);
        const attachments: AttachmentAddedData[] = [];
        for (const [index, file] of accepted.entries()) {
          const attachmentId = ids[index];
          // The bytes first: an event is appended only for content already stored.
          await this.contents.put(attachmentId, encryptContent(file.bytes, key, subject, attachmentId));
          attachments.push({
            attachmentId, kind: fields.kind as string, note: typeof fields.note === 'string' && fields.note !== '' ? fields.note : null,
            fileName: file.fileName, mediaType: file.mediaType, size: file.size, sha256: file.sha256,
            person: person?.ref ?? null, contentId: attachmentId, keySubject: subject, preview: file.preview, addedBy: meta.actor.userId,
          });
        }
        await appendingThroughConflicts(meta, () =>
          handleCommand(this.store, attachmentDecider, spec.stream(caseId), { type: 'AddAttachments', data: { attachments, maxCaseBytes: this.limits.maxCaseBytes } }, meta, {
            context: { supervisesCase: false },
          }),
        );
        await this.ledger.confirmed(ids);
        return { ids };
      },
      meta.requestFingerprint,
    );
    const all = await this.list(spec, caseId, user);
    return { items: all.items.filter((item) => written.ids.includes(item.id)).reverse() };
  }

  async list(spec: AttachmentCaseKindSpec, caseId: string, user: AuthenticatedUser): Promise<{ items: AttachmentView[] }> {
    const events = await this.cases.visibleEvents(spec, caseId, user);
    const facts = attachmentFacts(events);
    return { items: await this.views(spec, caseId, events, facts) };
  }

  async one(spec: AttachmentCaseKindSpec, caseId: string, attachmentId: string, user: AuthenticatedUser): Promise<AttachmentView> {
    const events = await this.cases.visibleEvents(spec, caseId, user);
    const facts = attachmentFacts(events).find((f) => f.data.attachmentId === attachmentId);
    if (!facts) throw attachmentNotFound();
    return (await this.views(spec, caseId, events, [facts]))[0];
  }

  async withdraw(spec: AttachmentCaseKindSpec, caseId: string, attachmentId: string, reason: unknown, user: AuthenticatedUser, meta: HttpCommandMeta): Promise<AttachmentView> {
    await this.cases.visibleEvents(spec, caseId, user);
    const violations = reasonViolations('reason', '撤回原因', reason, true);
    if (violations.length > 0) throw new ValidationError(violations);
    await this.idempotency.once(meta.actor.userId, meta.idempotencyKey, async () => {
      await handleCommand(this.store, attachmentDecider, spec.stream(caseId), { type: 'WithdrawAttachment', data: { attachmentId, reason: reason as string } }, meta, {
        context: { supervisesCase: user.role === 'supervisor' },
        reason: reason as string,
      });
      return { attachmentId };
    }, meta.requestFingerprint);
    const view = await this.one(spec, caseId, attachmentId, user);
    // Outside `once`: a retry after a crash here marks it still; the sweep checks the event's own time.
    if (view.withdrawn) await this.ledger.withdrawn(view.id, new Date(view.withdrawn.at));
    return view;
  }

  /** The stored bytes in clear, or 410 when the person was erased or the bytes of a withdrawn file removed. */
  async content(spec: AttachmentCaseKindSpec, caseId: string, attachmentId: string, user: AuthenticatedUser): Promise<ServedContent> {
    const events = await this.cases.visibleEvents(spec, caseId, user);
    const facts = attachmentFacts(events).find((f) => f.data.attachmentId === attachmentId);
    if (!facts) throw attachmentNotFound();
    const { data } = facts;
    if (facts.purged) throw withdrawnGone();
    const key = (await this.personalData.keys.keysOf([data.keySubject])).get(data.keySubject);
    if (!key) throw new GoneError('attachment_erased', '该附件所涉人员的个人信息已依法删除，附件内容不可再读取');
    const stored = await this.contents.get(data.contentId);
    if (!stored) throw withdrawnGone();
    return { bytes: decryptContent(stored, key, data.keySubject, data.attachmentId), mediaType: data.mediaType, fileName: data.fileName, person: data.person };
  }

  async preview(spec: AttachmentCaseKindSpec, caseId: string, attachmentId: string, user: AuthenticatedUser): Promise<ServedContent> {
    const served = await this.content(spec, caseId, attachmentId, user);
    if (served.mediaType === 'application/pdf') return served;
    if (['image/jpeg', 'image/png', 'image/webp'].includes(served.mediaType)) return { ...served, bytes: await imagePreview(served.bytes), mediaType: 'image/jpeg' };
    throw new NotFoundError('no_preview', '此类文件没有预览，请下载后查看');
  }

  private checkFields(spec: AttachmentCaseKindSpec, events: readonly RecordedEvent[], fields: UploadFields, files: readonly IncomingFile[], kinds: readonly EvidenceKind[]) {
    const violations: FieldViolation[] = [];
    // The administrator's list as it stands: a retired kind is refused for new files (docs/api.md, "Attachments").
    violations.push(...evidenceKindViolations(fields.kind, kinds));
    violations.push(...reasonViolations('note', '附件说明', fields.note, false));
    let person;
    if (fields.person !== undefined && fields.person !== '') {
      person = casePeople(spec.kind, events).find((p) => p.ref === fields.person && !p.erased);
      if (!person) violations.push({ field: 'person', rule: 'person_not_in_case', message: '所选人员不是本案的当事人（或其个人信息已删除）' });
    }
    if (files.length === 0) violations.push({ field: 'files', rule: 'required', message: '请选择至少一个文件（表单字段 files）' });
    if (files.length > this.limits.maxFilesPerRequest) violations.push({ field: 'files', rule: 'too_many_files', message: `一次最多上传 ${this.limits.maxFilesPerRequest} 个文件` });
    if (violations.length > 0) throw new AttachmentRefused(violations);
    return person;
  }

  /** The person's own data key (the subject their fields in this case are encrypted under), or the case's. */
  private async keyFor(spec: AttachmentCaseKindSpec, caseId: string, person: ReturnType<typeof casePeople>[number] | undefined) {
    const streamId = spec.stream(caseId);
    const keys = this.personalData.keys;
    if (!person) {
      const [found] = await keys.keysForPersons([{ lookup: null, identifiers: [], ownSubject: deterministicUuid('attachments-case-key', streamId), streamId }]);
      return found;
    }
    const identifiers = personIdentifiers(person.fields, keys.identifierHashKey());
    const ownSubject = identifiers.length === 0 ? subjectOfUnidentifiedPerson(person.eventId, person.path) : undefined;
    const [found] = await keys.keysForPersons([{ lookup: identifiers[0] ?? null, identifiers, ownSubject, streamId }]);
    return found;
  }

  private async views(spec: AttachmentCaseKindSpec, caseId: string, events: readonly RecordedEvent[], facts: readonly AttachmentFacts[]): Promise<AttachmentView[]> {
    const people = await this.names.people(facts.flatMap((f) => [f.addedBy, ...(f.withdrawn ? [f.withdrawn.by] : [])]));
    const subjects = [...new Set(facts.map((f) => f.data.keySubject))];
    const keys = subjects.length ? await this.personalData.keys.keysOf(subjects) : new Map();
    const erased = new Set(subjects.filter((s) => keys.get(s) === null));
    const nameOf = (id: string) => people.get(id) ?? { displayName: '未知用户', unitName: null };
    const kinds = await this.kinds.all();
    return facts.map((f) => attachmentView(caseId, spec.kind, events, f, nameOf, erased, kinds));
  }
}

const withdrawnGone = () => new GoneError('attachment_withdrawn', '该附件已撤回，其内容已按保留期限删除');

export const attachmentNotFound = () => new NotFoundError('attachment_not_found', '附件不存在或无权查看');

/**
 * Adding files depends on no other writer's change (the case's byte limit is decided again on each
 * try), so without an If-Match a concurrent write to the case (a colleague's upload, a step of the case)
 * is read and the files are added after it, rather than answered 409 — nine people uploading to one
 * case at once all succeed. With an If-Match the caller asked for that version: its conflict stands.
 */
async function appendingThroughConflicts<T>(meta: { readonly expectedVersion?: number }, append: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await append();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || meta.expectedVersion !== undefined || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
