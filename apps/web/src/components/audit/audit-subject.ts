import type { HotlineReference } from '../../api-types';
import type { MessageKey } from '../../i18n/zh';

/** The kinds of case, as `GET /api/audit/verify?kind=` names them. */
export type AuditedKind = 'complaint' | 'wage_case' | 'hardship_file' | 'mediation_case';

/**
 * What the audit view needs to know of one kind of case: where its as-of and diff live, how its
 * events, statuses and fields are called. Everything else is the same for the four kinds.
 */
export interface AuditVocabulary {
  readonly kind: AuditedKind;
  /** `/api/complaints`: the as-of is `<api>/<id>/as-of`. */
  readonly api: string;
  /** `event.` → `event.ComplaintReceived`. */
  readonly eventPrefix: string;
  /** `status.` → `status.received`. */
  readonly statusPrefix: string;
  /** A field's dotted path → its label; unknown paths show as they are. */
  readonly labels: Readonly<Record<string, MessageKey>>;
  /** Fields that say nothing to an auditor (what the buttons offered, a status already shown as a code). */
  readonly hidden: ReadonlySet<string>;
  /** Amounts in fen, shown in yuan (a list's item fields by `list.field`). */
  readonly money?: ReadonlySet<string>;
  /** Fields whose values are codes with labels under a prefix (`source.kind` → `wage.source.walk_in`). */
  readonly codes?: Readonly<Record<string, string>>;
  /** Fields whose values are codes of a hotline reference list. */
  readonly refLists?: Readonly<Record<string, keyof HotlineReference>>;
}

export function asOfPath(vocabulary: AuditVocabulary, id: string): string {
  return `${vocabulary.api}/${encodeURIComponent(id)}/as-of`;
}

export function diffPath(vocabulary: AuditVocabulary, id: string): string {
  return `${vocabulary.api}/${encodeURIComponent(id)}/diff`;
}
