/**
 * Sends the plan over HTTP: operations in the plan's order, each one's requests one after another,
 * a few operations at a time. Every request carries a correlation id (and, for commands, an
 * Idempotency-Key unless it is the header under test) made from the seed and its number, so that
 * any event it wrote can be found afterwards.
 */
import type { FuzzWorld } from './fuzz-world.js';
import type { FormPart, FuzzRequest } from './fuzz-request.js';
import type { PlannedOperation } from './fuzz-plan.js';

export interface FuzzAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Set when no HTTP answer came: the connection failed or the time ran out. */
  readonly failure?: string;
}

export const REQUEST_TIMEOUT_MS = 20_000;

export function requestTag(seed: number, n: number): string {
  return `fuzz-${seed}-${n}`;
}

export async function sendRequest(world: FuzzWorld, seed: number, request: FuzzRequest): Promise<FuzzAnswer> {
  const token = world.tokens[request.principal];
  const tag = requestTag(seed, request.n);
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(request.body !== undefined && !request.form ? { 'content-type': 'application/json' } : {}),
    'x-correlation-id': tag,
    ...(request.command ? { 'idempotency-key': tag } : {}),
    ...request.headers,
  };
  try {
    const response = await fetch(`${world.url}${request.path}`, { method: request.method, headers, body: request.form ? formOf(request.form) : request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text, and judged as such.
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: undefined, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The multipart body (fetch writes the boundary into the content type). */
function formOf(parts: readonly FormPart[]): FormData {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value);
    else form.append(part.name, new Blob([new Uint8Array(part.bytes)]), part.fileName);
  }
  return form;
}

/** Every request of the plan with its answer, in plan order. */
export async function sendPlan(world: FuzzWorld, seed: number, plan: readonly PlannedOperation[], concurrency: number): Promise<[FuzzRequest, FuzzAnswer][]> {
  const answers: [FuzzRequest, FuzzAnswer][][] = new Array(plan.length);
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      const done: [FuzzRequest, FuzzAnswer][] = [];
      for (const request of plan[index]!.requests) done.push([request, await sendRequest(world, seed, request)]);
      answers[index] = done;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers.flat();
}
