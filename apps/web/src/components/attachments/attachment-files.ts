import type { Attachment, FieldError } from '../../api-types';

/** The case routes that take files (docs/api.md, "Evidence"): the path segment of each kind of case. */
export type AttachableCase = 'complaints' | 'wage-cases' | 'hardship-files' | 'mediation-cases';

/** A person of the case the files may concern: the API's reference and the label the case page shows. */
export interface CasePerson {
  ref: string;
  label: string;
}

export function attachmentsPath(kind: AttachableCase, caseId: string, rest = ''): string {
  return `/api/${kind}/${encodeURIComponent(caseId)}/attachments${rest}`;
}

export function attachmentPath(kind: AttachableCase, caseId: string, attachmentId: string, what: 'content' | 'preview' | 'withdraw'): string {
  return attachmentsPath(kind, caseId, `/${encodeURIComponent(attachmentId)}/${what}`);
}

/** `850 B`, `12 KB`, `3.4 MB`: sizes as a caseworker reads them, in binary units as the limits are set. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/**
 * The server's refusal of an upload, file by file: `errors[].field` is `files.<i>`, the index of the
 * part as sent. Errors about the request as a whole (`kind`, `person`, `note`) are not a file's.
 */
export function fileErrorsByIndex(errors: readonly FieldError[] | undefined): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const error of errors ?? []) {
    const match = /^files\.(\d+)$/.exec(error.field);
    if (match && !byIndex.has(Number(match[1]))) byIndex.set(Number(match[1]), error.message);
  }
  return byIndex;
}

/** How many files, not withdrawn, concern each person of the case (the counts beside each worker). */
export function countsByPerson(attachments: readonly Attachment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of attachments) {
    if (a.withdrawn || !a.person) continue;
    counts.set(a.person.ref, (counts.get(a.person.ref) ?? 0) + 1);
  }
  return counts;
}

/** Withdrawal is for whoever added the file, or a supervisor of the case's units (the API decides; this only hides the button). */
export function mayWithdraw(attachment: Attachment, user: { id: string; role: string } | undefined): boolean {
  if (!user || attachment.withdrawn || attachment.erased) return false;
  return attachment.addedBy.userId === user.id || user.role === 'supervisor';
}

/** Adding files is for caseworkers and supervisors, and room mediators on a mediation case (the API checks the units). */
export function mayAttach(role: string | undefined, kind: AttachableCase): boolean {
  return role === 'caseworker' || role === 'supervisor' || (role === 'mediator' && kind === 'mediation-cases');
}
