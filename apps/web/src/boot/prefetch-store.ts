/**
 * Answers asked for before the console's script has loaded (boot/prefetch.ts), kept until the screen
 * that needs them asks: the first screen's data then travels while the browser is still reading the
 * script, instead of after it. An answer is handed out once, only for the token it was asked with, and
 * only while fresh; any write forgets them all.
 */
const FRESH_MS = 10_000;

interface Prefetched {
  readonly token: string;
  readonly at: number;
  readonly response: Promise<Response>;
}

const store = new Map<string, Prefetched>();

/** Asks for `path` now, as the console's own GET with `token` would. */
export function prefetch(path: string, token: string): void {
  const response = fetch(path, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  // A failed prefetch is simply not used: the screen asks again and reports its own error.
  response.catch(() => store.delete(path));
  store.set(path, { token, at: Date.now(), response });
}

/** The prefetched answer to a GET of `path` with `token`, once; undefined when there is none or it is stale. */
export function takePrefetched(path: string, token: string | null): Promise<Response> | undefined {
  const entry = store.get(path);
  if (!entry) return undefined;
  store.delete(path);
  return entry.token === token && Date.now() - entry.at <= FRESH_MS ? entry.response : undefined;
}

/** After a write, nothing asked for before it may be shown. */
export function forgetPrefetched(): void {
  store.clear();
}
