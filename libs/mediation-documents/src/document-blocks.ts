import { chineseOrdinal } from './document-text.js';
import { withoutLeadingNumber } from './typed-numbers.js';

/**
 * What a document says, independent of how it is printed: the HTML page and the PDF are both drawn
 * from one `DocumentDescription`, so the two can never say different things. All text in it is plain
 * text as the user typed it; each renderer escapes or lays it out its own way.
 */
export interface DocumentDescription {
  /** The document's name, for the page title and the PDF's metadata. */
  readonly title: string;
  readonly blocks: readonly DocumentBlock[];
}

export type DocumentBlock =
  /** The issuing line above the title: court · room. */
  | { readonly kind: 'letterhead'; readonly text: string }
  | { readonly kind: 'title'; readonly text: string }
  /** The case number line under the title, right-aligned. */
  | { readonly kind: 'reference'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  /** Running text; `indent` starts it two characters in, as Chinese prose is set. */
  | { readonly kind: 'paragraph'; readonly text: string; readonly indent?: boolean }
  /** One numbered clause or list entry: the marker (`一、`, `1.`) hangs to the left of the text. */
  | { readonly kind: 'item'; readonly marker: string; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  /** A line to sign on: what the signer is, then the blank. */
  | { readonly kind: 'signatures'; readonly signers: readonly string[] }
  /** Right-aligned lines at the foot: the room, its seal, the date. */
  | { readonly kind: 'closing'; readonly lines: readonly string[] };

export interface TableColumn {
  readonly header: string;
  /** Share of the line width, relative to the other columns. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export type BlockKind = DocumentBlock['kind'];

/** A numbered clause (一、二、…) and what belongs under it (a table, sub-items, more paragraphs). */
export interface Clause {
  readonly text: string;
  readonly followedBy?: readonly DocumentBlock[];
}

export function numberedClauses(clauses: readonly Clause[]): DocumentBlock[] {
  return clauses.flatMap((clause, index) => [{ kind: 'item', marker: `${chineseOrdinal(index)}、`, text: clause.text } as const, ...(clause.followedBy ?? [])]);
}

/** Entries numbered `1.`, `2.`, …: facts, points in dispute (a number the mediator typed is taken off). */
export function numberedList(texts: readonly string[]): DocumentBlock[] {
  return texts.map((text, index) => ({ kind: 'item', marker: `${index + 1}.`, text: withoutLeadingNumber(text) }));
}
