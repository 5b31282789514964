import { ValidationError, type FieldViolation } from '#errors';

/** The rules a file or an upload can break (docs/api.md, "Attachments"). */
export type AttachmentRule =
  | 'file_type_not_allowed' | 'file_too_large' | 'file_empty' | 'file_truncated' | 'too_many_files'
  | 'case_attachments_full' | 'attachment_kind_unknown' | 'person_not_in_case';

/** A 400 whose `code` is the first rule broken (not `validation_failed`), with every violation listed. */
export class AttachmentRefused extends ValidationError {
  constructor(violations: readonly (FieldViolation & { rule: AttachmentRule | string })[]) {
    super(violations);
    Object.assign(this, { code: violations[0]?.rule ?? 'validation_failed' });
  }
}
