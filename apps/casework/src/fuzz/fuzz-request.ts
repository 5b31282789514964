/** One hostile request of the plan, and what its answer must show. */
export type Principal = 'admin' | 'supervisor' | 'caseworker' | 'anonymous';

export interface Mutation {
  /** The kind of badness, stable across seeds, e.g. `body.control U+0000` or `path.proto-key`. */
  readonly kind: string;
  /** Where it was put: a body field (`allocations.0.claimantId`), a parameter or a header. */
  readonly target: string;
  /** The request as mutated: concrete path with query, extra headers, raw body text. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A `multipart/form-data` body instead of JSON: its fields and files, in order. */
  readonly form?: readonly FormPart[];
  readonly principal?: Principal;
  /** The request is invalid whoever sends it: a 2xx answer is a finding. */
  readonly mustRefuse: boolean;
  /** A 400 should name this field (its last path segment, in `errors[].field` or the message). */
  readonly field?: string;
}

/** One part of a multipart body: a text field, or a file with its name and bytes. */
export type FormPart = { readonly name: string; readonly value: string } | { readonly name: string; readonly fileName: string; readonly bytes: Uint8Array };

export interface FuzzRequest extends Mutation {
  /** Order in the plan; also the correlation id's suffix, so events can be traced to it. */
  readonly n: number;
  readonly method: string;
  readonly template: string;
  readonly path: string;
  readonly principal: Principal;
  readonly command: boolean;
}

/** The unmutated request of an operation: real ids in the path, a valid body. */
export interface ValidRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** JSON text of a value, keeping own `__proto__` keys (they are data here, not the prototype). */
export function jsonOf(value: unknown): string {
  return JSON.stringify(value);
}

/** The object's JSON text with one more top-level key, written as text so that `__proto__` stays a plain key. */
export function withExtraKey(body: unknown, key: string, value: unknown): string {
  const text = jsonOf(body ?? {});
  if (!text.startsWith('{')) return text;
  const pair = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  return text === '{}' ? `{${pair}}` : `{${pair},${text.slice(1)}`;
}

export function queryString(query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
