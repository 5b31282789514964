import { jest } from '@jest/globals';
import { ApiClient, ApiError } from './api-client.js';

/** The demo's client keeps to the API's word on `503`: nothing was written, try again with the same key. */
describe("the demo's API client", () => {
  const realFetch = globalThis.fetch;
  let answers: { status: number; body: unknown }[];
  let sent: { key: string | null }[];

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    globalThis.fetch = (async (_url: URL, init: RequestInit) => {
      sent.push({ key: new Headers(init.headers).get('Idempotency-Key') });
      const { status, body } = answers.shift()!;
      return new Response(JSON.stringify(body), { status });
    }) as typeof fetch;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.useRealTimers();
  });

  const unavailable = { status: 503, body: { code: 'service_unavailable', message: '服务暂时不可用' } };

  it('sends a command answered 503 again with the same Idempotency-Key until it is taken', async () => {
    answers = [unavailable, unavailable, { status: 201, body: { id: 'm-1', version: 3 } }];
    const answer = new ApiClient('http://127.0.0.1:1').command('/api/mediation-cases/m-1/sessions', {}, 'key-1', 2);
    await jest.advanceTimersByTimeAsync(3000);

    await expect(answer).resolves.toEqual({ id: 'm-1', version: 3 });
    expect(sent).toEqual([{ key: 'key-1' }, { key: 'key-1' }, { key: 'key-1' }]);
  });

  it('gives up after five sends, and never sends again a command refused for another reason', async () => {
    answers = Array.from({ length: 5 }, () => unavailable);
    const client = new ApiClient('http://127.0.0.1:1');
    const gaveUp = client.command('/api/x', {}, 'key-2').catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(await gaveUp).toBeInstanceOf(ApiError);
    expect(sent).toHaveLength(5);

    sent = [];
    answers = [{ status: 409, body: { code: 'version_conflict' } }];
    await expect(client.command('/api/x', {}, 'key-3', 1)).rejects.toMatchObject({ status: 409 });
    expect(sent).toHaveLength(1);
  });
});
