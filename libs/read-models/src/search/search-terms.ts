import type { RecordedEvent } from '#event-store';
import { keyedHash } from '#personal-data';

/**
 * What one box finds a case by (DOMAIN.md, "Search"): the names, phones and ID numbers of its people
 * (caller, claimants, head of household and members, parties) as keyed hashes of the normalised value,
 * never the value; and in clear, lower-cased, what is no one's personal data: employers and
 * respondents, the upper platform's order reference, the court's 案号. Case numbers are searched in
 * the case list itself.
 */
export type TermKind = 'person' | 'text';

export interface SearchTerm {
  readonly kind: TermKind;
  readonly term: string;
}

/** A person's name, phone or ID number as typed or as stored, made comparable: spaces out, letters upper-case, phone digits only. */
export function normalisedPersonValue(value: string): { readonly phone: string | null; readonly other: string } {
  const compact = value.replace(/[\s\u3000-]/g, '').toUpperCase();
  const digits = compact.replace(/^\+?86/, '');
  return { phone: /^1\d{10}$/.test(digits) || /^0\d{9,11}$/.test(digits) ? digits : null, other: compact };
}

/** A whole phone or resident ID number as typed: it finds a person, never part of an employer's name. */
export function isPersonIdentifier(value: string): boolean {
  const { phone, other } = normalisedPersonValue(value);
  return phone !== null || /^\d{17}[\dX]$/.test(other);
}

/** The keyed hash a person's name, phone or ID number is stored and searched under. */
export function personTerm(value: string, hashKey: string): string {
  const { phone, other } = normalisedPersonValue(value);
  return keyedHash(`search:${phone ?? other}`, hashKey);
}

/** Clear text as stored and searched: trimmed, lower-cased (Latin letters in references). */
export function textTerm(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * The characters and character pairs of a clear text, for its "contains" index: a text contains q only
 * if it has every pair of q (or, for one character, that character), so a GIN index over these finds
 * the few candidates that the LIKE then checks. pg_trgm would do this for Latin text, but under the C
 * or C.UTF-8 locale its trigrams leave Chinese characters out.
 */
export function textGrams(term: string): string[] {
  const chars = [...term];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** What a typed text must have among a stored text's grams: its pairs, or itself when one character. */
export function gramsOfQuery(q: string): string[] {
  const chars = [...textTerm(q)];
  if (chars.length <= 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.add(chars[i]! + chars[i + 1]!);
  return [...pairs];
}

type Data = Record<string, any>;

/** The people and the plain texts an event names, by kind of stream. */
function namedIn(event: RecordedEvent): { people: unknown[]; texts: unknown[] } {
  const d = event.data as Data;
  const person = (p: Data | undefined) => (p ? [p.name, p.phone, p.idNumber] : []);
  const stream = event.streamId;
  if (stream.startsWith('hotline-complaint-') && event.type === 'ComplaintReceived') return { people: person(d.caller), texts: [d.employer?.name, d.externalReference] };
  if (stream.startsWith('wage-case-')) {
    if (event.type === 'WageCaseOpened' || event.type === 'ProjectChainRecorded') return { people: [], texts: [d.respondent?.name, ...(d.respondent?.chain ?? []).map((p: Data) => p?.name)] };
    if (event.type === 'ClaimantsAdded') return { people: (d.claimants ?? []).flatMap(person), texts: [] };
  }
  if (stream.startsWith('hardship-file-') && event.type === 'HardshipApplicationReceived') {
    return { people: [...person(d.head), ...(d.members ?? []).flatMap(person)], texts: [d.head?.employer] };
  }
  if (stream.startsWith('mediation-case-') && event.type === 'CaseReferred') {
    return { people: (d.applicants ?? []).flatMap(person), texts: [d.respondent?.name, d.source?.kind === 'court' ? d.source.caseNumber : undefined] };
  }
  return { people: [], texts: [] };
}

/** The terms an event adds to its case (an erased person's fields read null and add none). */
export function searchTermsOf(event: RecordedEvent, hashKey: string): SearchTerm[] {
  const { people, texts } = namedIn(event);
  const terms: SearchTerm[] = [];
  for (const value of people) if (typeof value === 'string' && value.trim()) terms.push({ kind: 'person', term: personTerm(value, hashKey) });
  for (const value of texts) if (typeof value === 'string' && value.trim()) terms.push({ kind: 'text', term: textTerm(value) });
  return terms;
}
