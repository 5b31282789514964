/** A small HTTP client for the Casework API (docs/api.md), as one signed-in user. */

export interface CommandAnswer {
  readonly id: string;
  readonly version: number;
}

/** The error body every endpoint answers with: a stable `code` and a Chinese `message`. */
export interface ApiErrorBody {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
  readonly errors?: ReadonlyArray<{ field: string; rule: string; message: string }>;
  readonly currentVersion?: number;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(`${method} ${path} → ${status} ${body.code ?? ''} ${body.message ?? ''}`.trim());
    this.name = 'ApiError';
  }

  /** True when the 400 says that `field` broke `rule` (e.g. `username` / `unique`). */
  violates(field: string, rule: string): boolean {
    return this.status === 400 && (this.body.errors ?? []).some((e) => e.field === field && e.rule === rule);
  }
}

export interface LoggedInUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
}

/** How often a command answered `503` is sent: pauses of 1, 2, 4 and 8 s between. */
const COMMAND_ATTEMPTS = 5;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** `POST /api/auth/login` → a client that sends the new token. */
  static async login(baseUrl: string, username: string, password: string): Promise<{ client: ApiClient; user: LoggedInUser }> {
    const anonymous = new ApiClient(baseUrl);
    const answer = await anonymous.request<{ accessToken: string; user: LoggedInUser }>('POST', '/api/auth/login', { username, password });
    return { client: new ApiClient(baseUrl, answer.accessToken), user: answer.user };
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.request<T>('POST', path, body, headers);
  }

  /**
   * A command: always with an `Idempotency-Key`, and with `If-Match` when acting on an existing record.
   * A `503` (a service or read model not ready; nothing written) is tried again with the same key, as
   * docs/api.md tells every client to, after a growing pause.
   */
  async command(path: string, body: unknown, idempotencyKey: string, ifMatch?: number): Promise<CommandAnswer> {
    const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
    if (ifMatch !== undefined) headers['If-Match'] = String(ifMatch);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.post<CommandAnswer>(path, body, headers);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 503 || attempt === COMMAND_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
      }
    }
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const errorBody = (typeof parsed === 'object' && parsed !== null ? parsed : { message: text.slice(0, 200) }) as ApiErrorBody;
      throw new ApiError(method, path, response.status, errorBody);
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}
