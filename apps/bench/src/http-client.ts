import http from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

/** A keep-alive HTTP/1.1 client for 127.0.0.1, with as many sockets as requests in flight. */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, sockets: number, private token?: string) {
    this.base = new URL(baseUrl);
    if (this.base.hostname !== '127.0.0.1') throw new Error(`The bench only talks to 127.0.0.1, not ${this.base.hostname}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  async login(username: string, password: string): Promise<void> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`Login failed: ${response.status} ${response.body}`);
    this.token = (JSON.parse(response.body) as { accessToken: string }).accessToken;
  }

  get accessToken(): string | undefined {
    return this.token;
  }

  request(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
