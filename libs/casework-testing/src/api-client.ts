import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
}

/** A small HTTP client for tests: JSON in and out, a bearer token, and the command headers. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const response = await new ApiClient(baseUrl).post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`Login failed for ${username}: ${response.status}`);
    return new ApiClient(baseUrl, response.body.accessToken);
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('GET', path);
  }

  /** A command: sends `Idempotency-Key` (fresh unless given) and `If-Match` when a version is given. */
  post<T = any>(path: string, body: unknown = {}, headers: { version?: number; key?: string } = {}): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, {
      'idempotency-key': headers.key ?? randomUUID(),
      ...(headers.version !== undefined ? { 'if-match': String(headers.version) } : {}),
    });
  }

  /** A file the API sends (an export): its bytes and content type. */
  async download(path: string): Promise<{ status: number; contentType: string | null; bytes: Buffer }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: response.status, contentType: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}
