import type { AttachmentCaseKind } from '#attachments';
import { complaintStream } from '#hotline';
import { wageCaseStream } from '#wage-recovery';
import { hardshipFileStream } from '#hardship';
import { mediationCaseStream } from '#mediation';

/** The kinds of case files can be attached to: their path under `/api`, and their stream. */
export interface AttachmentCaseKindSpec {
  readonly kind: AttachmentCaseKind;
  readonly path: 'complaints' | 'wage-cases' | 'hardship-files' | 'mediation-cases';
  readonly stream: (id: string) => string;
  /** The person references a file of this kind may name, for the API document. */
  readonly personRefs: string;
}

export const ATTACHMENT_CASE_KINDS: readonly AttachmentCaseKindSpec[] = [
  { kind: 'complaint', path: 'complaints', stream: complaintStream, personRefs: '`caller`' },
  { kind: 'wage_case', path: 'wage-cases', stream: wageCaseStream, personRefs: '`claimant:<claimantId>`' },
  { kind: 'hardship_file', path: 'hardship-files', stream: hardshipFileStream, personRefs: '`head` or `member:<n>` (n = 1 for the first listed member)' },
  { kind: 'mediation_case', path: 'mediation-cases', stream: mediationCaseStream, personRefs: '`party:<partyId>`' },
];
