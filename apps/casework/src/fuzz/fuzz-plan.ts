/**
 * The run's plan: for every operation, a sample of each kind of bad request, drawn with fast-check
 * from the seed, in the document's order. The same seed gives the same requests in the same order.
 */
import fc from 'fast-check';
import { bodyMutations } from './body-mutations.js';
import { uploadMutations, validUploadForm } from './upload-mutations.js';
import { alwaysSent } from './issue-15-findings.js';
import type { ApiOperation } from './openapi-walker.js';
import { headerMutations, loginMutations, pathMutations, queryMutations, unauthenticatedMutations } from './request-mutations.js';
import { jsonOf, queryString, type FuzzRequest, type Mutation, type Principal, type ValidRequest } from './fuzz-request.js';

/** How many of each kind per operation: about 20 requests an operation, a few thousand in all. */
const QUOTAS = {
  missing: 2, extra: 2, 'wrong-type': 3, huge: 1, control: 4, 'proto-id': 2, 'invalid-id': 1, 'bad-date': 4, 'deep-json': 1, malformed: 1,
  path: 4, query: 4, header: 2, auth: 1,
  // Every bad upload, for each upload endpoint (there are four).
  upload: 100,
} as const;

const SENDERS: readonly Principal[] = ['admin', 'supervisor', 'caseworker'];

export interface PlannedOperation {
  readonly operation: ApiOperation;
  readonly requests: readonly FuzzRequest[];
}

export function planRun(seed: number, operations: readonly { operation: ApiOperation; valid: ValidRequest; pathValues: Record<string, string> }[]): PlannedOperation[] {
  let n = 0;
  return operations.map(({ operation, valid, pathValues }) => {
    const opSeed = (seed ^ hashOf(`${operation.method} ${operation.template}`)) >>> 0;
    const pick = <T>(candidates: readonly T[], count: number, salt: number): T[] =>
      candidates.length <= count ? [...candidates] : fc.sample(fc.shuffledSubarray([...candidates], { minLength: count, maxLength: count }), { seed: opSeed + salt, numRuns: 1 })[0]!;
    // A multipart endpoint's bad bodies are whole forms (upload-mutations.ts), not JSON.
    const body = !operation.multipart && (operation.body || operation.command) ? bodyMutations(valid.body, operation.body) : undefined;
    const candidates = {
      ...(body ?? {}),
      upload: operation.multipart ? uploadMutations() : [],
      path: pathMutations(operation, valid, pathValues),
      query: queryMutations(operation, valid, pathValues),
      header: headerMutations(operation),
      auth: unauthenticatedMutations(operation),
    } as Record<keyof typeof QUOTAS, Mutation[]>;
    const sampled = (Object.keys(candidates) as (keyof typeof QUOTAS)[]).flatMap((category, i) => pick(candidates[category], QUOTAS[category], i));
    const key = `${operation.method} ${operation.template}`;
    // Sent by the city supervisor, who may act on every case: a 403 would hide what the domain does with them.
    const regressions = Object.values(candidates)
      .flat()
      .filter((m) => !sampled.includes(m) && alwaysSent(key, m.target, m.kind))
      .map((m): Mutation => ({ ...m, principal: m.principal ?? 'supervisor' }));
    const chosen: Mutation[] = [...sampled, ...regressions, ...(operation.template === '/api/auth/login' ? loginMutations() : [])];
    const senders = fc.sample(fc.constantFrom(...SENDERS), { seed: opSeed + 200, numRuns: chosen.length });
    const requests = chosen.map((mutation, i): FuzzRequest => ({
      ...mutation,
      n: n++,
      method: operation.method,
      template: operation.template,
      path: mutation.path ?? valid.path + queryString(valid.query),
      body: mutation.body ?? (valid.body !== undefined ? jsonOf(valid.body) : undefined),
      // The path, query, header and sign-in mutations of an upload carry the valid form.
      ...(operation.multipart && !mutation.form && mutation.body === undefined ? { form: validUploadForm(), body: '' } : {}),
      principal: mutation.principal ?? senders[i]!,
      command: operation.command,
    }));
    return { operation, requests };
  });
}

/** FNV-1a: a stable number per operation, so that adding an endpoint leaves the others' samples alone. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
