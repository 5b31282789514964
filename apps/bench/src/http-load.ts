import { Worker } from 'node:worker_threads';

/** What to send, over and over: a new complaint per request, or one GET path. */
export type LoadRequest = { readonly kind: 'receive-complaint'; readonly seed: number } | { readonly kind: 'get'; readonly path: string };

export interface HttpLoad {
  readonly baseUrl: string;
  readonly token: string;
  readonly concurrency: number;
  readonly operations: number;
  readonly request: LoadRequest;
  readonly expectStatus: number;
}

export interface HttpLoadResult {
  readonly operations: number;
  readonly elapsedMs: number;
  readonly latenciesMs: number[];
  /** Responses with another status than expected (the first body is kept to say why). */
  readonly unexpected: number;
  readonly firstUnexpected?: string;
}

/**
 * Runs the load from a worker thread, so the client's work does not share the server's event loop
 * (it still shares the machine's two cores, as any client on the same host would).
 */
export function runHttpLoad(load: HttpLoad): Promise<HttpLoadResult> {
  const worker = new Worker(new URL('./http-load-worker.js', import.meta.url), { workerData: load });
  return new Promise<HttpLoadResult>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (result: HttpLoadResult | { error: string }) => ('error' in result ? reject(new Error(result.error)) : resolve(result)));
  }).finally(() => worker.terminate());
}
