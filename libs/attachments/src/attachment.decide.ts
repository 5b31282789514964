import type { Decider, DecisionContext, DomainEvent } from '#decider';
import { ForbiddenError, NotFoundError, RuleBrokenError, type FieldViolation } from '#errors';
import { hasControlCharacters } from '#field-checks';
import { sizeInWords } from './attachment-limits.js';
import { AttachmentRefused } from './attachment-refused.js';
import type { AttachmentAddedData, AttachmentEvent } from './attachment.events.js';

export interface AttachmentRecord {
  readonly data: AttachmentAddedData;
  readonly addedBy: string;
  readonly withdrawn: boolean;
  /** The bytes were removed after the retention period (`AttachmentPurged`). */
  readonly purged: boolean;
}

/** The attachments of one case, folded from its stream (the case's own events pass by). */
export interface CaseAttachmentsState {
  readonly attachments: Readonly<Record<string, AttachmentRecord>>;
  /** Bytes of the files not withdrawn: what the per-case limit counts. */
  readonly keptBytes: number;
}

export type AttachmentCommand =
  | { readonly type: 'AddAttachments'; readonly data: { readonly attachments: readonly AttachmentAddedData[]; readonly maxCaseBytes: number } }
  | { readonly type: 'WithdrawAttachment'; readonly data: { readonly attachmentId: string; readonly reason: string } }
  | { readonly type: 'PurgeAttachment'; readonly data: { readonly attachmentId: string; readonly retentionDays: number } };

export interface AttachmentContext extends DecisionContext {
  /** Whether the actor is a supervisor of the case's units (who may withdraw anyone's file). */
  readonly supervisesCase: boolean;
}

export const NO_ATTACHMENTS: CaseAttachmentsState = { attachments: {}, keptBytes: 0 };

export function evolveAttachments(state: CaseAttachmentsState, event: DomainEvent): CaseAttachmentsState {
  const known = event as AttachmentEvent;
  if (known.type === 'AttachmentAdded') {
    const record: AttachmentRecord = { data: known.data, addedBy: known.data.addedBy, withdrawn: false, purged: false };
    return { attachments: { ...state.attachments, [known.data.attachmentId]: record }, keptBytes: state.keptBytes + known.data.size };
  }
  if (known.type === 'AttachmentWithdrawn') {
    const record = state.attachments[known.data.attachmentId];
    if (!record || record.withdrawn) return state;
    return { attachments: { ...state.attachments, [record.data.attachmentId]: { ...record, withdrawn: true } }, keptBytes: state.keptBytes - record.data.size };
  }
  if (known.type === 'AttachmentPurged') {
    const record = state.attachments[known.data.attachmentId];
    if (!record) return state;
    return { ...state, attachments: { ...state.attachments, [record.data.attachmentId]: { ...record, purged: true } } };
  }
  return state;
}

const DAY_MS = 86_400_000;

/** Whether the bytes of a file withdrawn at `withdrawnAt` are due for removal at `now`. */
export function purgeIsDue(withdrawnAt: Date, retentionDays: number, now: Date): boolean {
  return now.getTime() - withdrawnAt.getTime() >= retentionDays * DAY_MS;
}

/** Note and withdrawal reason: ≤ 500 characters, no control characters. */
export function reasonViolations(field: string, label: string, value: unknown, required: boolean): FieldViolation[] {
  if (value === undefined || value === null || value === '') return required ? [{ field, rule: 'required', message: `${label}不能为空` }] : [];
  if (typeof value !== 'string') return [{ field, rule: 'text', message: `${label}须为文字` }];
  if (required && value.trim() === '') return [{ field, rule: 'required', message: `${label}不能为空` }];
  if (hasControlCharacters(value, false)) return [{ field, rule: 'control_character', message: `${label}含有不允许的控制字符（如空字符或换行），请删除后重试` }];
  if ([...value].length > 500) return [{ field, rule: 'max_length', message: `${label}不能超过500个字` }];
  return [];
}

function decide(command: AttachmentCommand, state: CaseAttachmentsState, context: AttachmentContext): AttachmentEvent[] {
  if (command.type === 'AddAttachments') {
    const adding = command.data.attachments.reduce((sum, a) => sum + a.size, 0);
    if (state.keptBytes + adding > command.data.maxCaseBytes) {
      throw new AttachmentRefused([{ field: 'files', rule: 'case_attachments_full', message: `本案附件总量将超过 ${sizeInWords(command.data.maxCaseBytes)} 的上限（已有 ${sizeInWords(state.keptBytes)}），请撤回不需要的附件后再上传` }]);
    }
    return command.data.attachments.map((data) => ({ type: 'AttachmentAdded', data }));
  }
  if (command.type === 'PurgeAttachment') {
    const record = state.attachments[command.data.attachmentId];
    if (!record) throw new NotFoundError('attachment_not_found', '附件不存在');
    if (!record.withdrawn) throw new RuleBrokenError('attachment_not_withdrawn', '只有已撤回的附件的内容可以按保留期限删除');
    // Purged already (a second sweep, or two processes): nothing more to say.
    if (record.purged) return [];
    return [{ type: 'AttachmentPurged', data: { attachmentId: record.data.attachmentId, contentId: record.data.contentId, retentionDays: command.data.retentionDays } }];
  }
  const { attachmentId, reason } = command.data;
  const record = state.attachments[attachmentId];
  if (!record) throw new NotFoundError('attachment_not_found', '附件不存在');
  if (record.addedBy !== context.actor.userId && !context.supervisesCase) throw new ForbiddenError('forbidden', '只有上传人或本案所属单位的主管可以撤回附件');
  if (record.withdrawn) throw new RuleBrokenError('attachment_already_withdrawn', '该附件已撤回');
  return [{ type: 'AttachmentWithdrawn', data: { attachmentId, reason } }];
}

/** The attachments' decider over a case's stream: `evolve` ignores every event that is not an attachment's. */
export const attachmentDecider: Decider<AttachmentCommand, AttachmentEvent, CaseAttachmentsState, AttachmentContext> = {
  initialState: NO_ATTACHMENTS,
  evolve: evolveAttachments,
  decide,
};
