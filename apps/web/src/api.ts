import type { CommandResult, ErrorBody, FieldError } from './api-types';
import { forgetPrefetched, takePrefetched } from './boot/prefetch-store';
import { clearSession, readToken } from './session';

/** A failed call, carrying the contract's error body (`code`, Chinese `message`, field `errors`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
  /** Field path (`employer.name`) → Chinese message. */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.body.errors ?? ([] as FieldError[])) byField[e.field] ??= e.message;
    return byField;
  }
}

interface RequestOptions {
  body?: unknown;
  /** The bearer token to send instead of the session's (log-out sends the token it is ending). */
  token?: string | null;
  /** A refused token is not reported to the app (log-out: the user is leaving anyway). */
  quiet?: boolean;
  /** Sent as `If-Match`: the version of the case the user saw. */
  version?: number;
  /** Sent as `Idempotency-Key`. */
  idempotencyKey?: string;
  /** A multipart body (files); the browser sets its `Content-Type` with the boundary. */
  form?: FormData;
}

let onUnauthenticated: (code: string) => void = () => {};

/**
 * Called with the error code when a token is refused anywhere (`session_revoked`, `session_expired`,
 * `unauthenticated`), so the app can show the log-in screen again with a reason.
 */
export function setUnauthenticatedHandler(handler: (code: string) => void): void {
  onUnauthenticated = handler;
}

let onPasswordChangeRequired: () => void = () => {};

/** Called when the server answers 403 `password_change_required`: the console shows only the change page. */
export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.token !== undefined ? options.token : readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = String(options.version);
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  const prefetched = method === 'GET' ? takePrefetched(path, token) : (forgetPrefetched(), undefined);
  const response = await (prefetched ??
    fetch(path, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    }));
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const body = toErrorBody(response.status, parsed);
    if (response.status === 401 && body.code !== 'invalid_credentials' && !options.quiet) {
      clearSession();
      onUnauthenticated(body.code);
    }
    if (response.status === 403 && body.code === 'password_change_required') onPasswordChangeRequired();
    throw new ApiError(response.status, body);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toErrorBody(status: number, parsed: unknown): ErrorBody {
  if (parsed && typeof parsed === 'object' && 'code' in parsed) return parsed as ErrorBody;
  return { statusCode: status, code: `http_${status}`, message: `服务暂不可用（HTTP ${status}）` };
}

/** Builds `?a=1&b=2`, leaving out empty values. Never pass personal data here: URLs end up in logs. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: (path: string) => request<void>('DELETE', path),
  /** A POST that changes something, with an `Idempotency-Key` so a retry cannot do it twice. */
  send: <T>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, { body, idempotencyKey }),
  /** Files as `multipart/form-data`, with an `Idempotency-Key` like every command. */
  upload: <T>(path: string, form: FormData, idempotencyKey: string) => request<T>('POST', path, { form, idempotencyKey }),
  /** Ends the session on the server; the console forgets it locally whatever the answer. */
  logout: (token: string | null) =>
    request<void>('POST', '/api/auth/logout', { body: {}, token, quiet: true }).catch(() => undefined),
  /** A command: always an `Idempotency-Key`, and `If-Match` when it targets an existing case. */
  command: (path: string, body: unknown, idempotencyKey: string, version?: number) =>
    request<CommandResult>('POST', path, { body, version, idempotencyKey }),
};

/**
 * The bytes of a file the API serves (an attachment, its preview). The token goes in the header, never
 * in a URL, so the file is fetched as a blob; a refusal is an `ApiError` like any other call.
 */
export async function fetchBlob(path: string): Promise<Blob> {
  const token = readToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, toErrorBody(response.status, text ? safeJson(text) : undefined));
  }
  return response.blob();
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** A list answer: the contract gives a bare array; a paged `{items}` is read the same way. */
export function listOf<T>(answer: T[] | { items?: T[] } | null | undefined): T[] {
  if (Array.isArray(answer)) return answer;
  return answer?.items ?? [];
}

/** The Chinese message of a refused call, or the caller's text for a lost connection. */
export function messageOf(error: unknown, networkText: string): string {
  return error instanceof ApiError ? error.message : networkText;
}
