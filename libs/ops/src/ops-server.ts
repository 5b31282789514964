import { createServer, type Server } from 'node:http';

export interface OpsEndpoints {
  /** Liveness: the process runs. */
  readonly health: () => Promise<Record<string, unknown>>;
  /** Readiness: it does its work (connected, consuming); a 503 takes it out of rotation. */
  readonly ready: () => Promise<{ ready: boolean } & Record<string, unknown>>;
  /** Prometheus text. */
  readonly metrics: () => Promise<string>;
}

/**
 * `/health`, `/ready` and `/metrics` for the processes that have no HTTP API of their own (relay,
 * projector, process managers): plain node:http, nothing else is served.
 */
export async function startOpsServer(port: number, endpoints: OpsEndpoints): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const answer = async (): Promise<[number, string, string]> => {
      switch (request.url) {
        case '/health':
          return [200, 'application/json', JSON.stringify(await endpoints.health())];
        case '/ready': {
          const ready = await endpoints.ready();
          return [ready.ready ? 200 : 503, 'application/json', JSON.stringify(ready)];
        }
        case '/metrics':
          return [200, 'text/plain; version=0.0.4', await endpoints.metrics()];
        default:
          return [404, 'application/json', JSON.stringify({ code: 'not_found', message: '请求的资源不存在' })];
      }
    };
    answer().then(
      ([status, type, body]) => response.writeHead(status, { 'Content-Type': type }).end(body),
      (error: unknown) => response.writeHead(503, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'error', reason: error instanceof Error ? error.name : 'error' })),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
