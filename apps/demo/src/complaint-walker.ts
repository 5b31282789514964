/**
 * Walks one demo complaint through the command API: receives it, then takes each step as the
 * right user, sending `If-Match` with the version of the previous answer and an `Idempotency-Key`
 * derived from the demo seed, the complaint and the step — so a second run gets the first run's
 * answers back and writes nothing.
 */
import { ApiError, type ApiClient } from './api-client.js';
import type { Step } from './demo-lifecycles.js';

/** A request the API refused: reported as it was, never worked around. */
export interface DemoProblem {
  readonly complaint: string;
  readonly step: string;
  readonly as: string;
  readonly request: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface WalkResult {
  readonly key: string;
  readonly id?: string;
  readonly version?: number;
  readonly stepsDone: number;
  readonly problem?: DemoProblem;
  /** The receipt's key was used by an earlier run with other dates: that run wrote this complaint. */
  readonly writtenBefore?: boolean;
}

export function idempotencyKey(seed: string, complaintKey: string, stepIndex: number, action: string): string {
  return `${seed}.${complaintKey}.${String(stepIndex).padStart(2, '0')}.${action}`;
}

export class ComplaintWalker {
  constructor(
    private readonly clients: ReadonlyMap<string, ApiClient>,
    private readonly seed: string,
  ) {}

  /**
   * The system flags a repeat call on its own, shortly after receiving it (a process manager
   * following the log): wait for the flag before merging, and take the version it left.
   */
  private async repeatFlagged(id: string, as: string, timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await this.client(as).get<{ version: number; repeatOf: string[] }>(`/api/complaints/${id}`);
      if (view.repeatOf.length > 0 || Date.now() > deadline) return view.version;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async walk(key: string, receiver: string, body: Record<string, unknown>, steps: readonly Step[]): Promise<WalkResult> {
    let id: string;
    let version: number;
    try {
      ({ id, version } = await this.client(receiver).command('/api/complaints', body, idempotencyKey(this.seed, key, 0, 'receive')));
    } catch (error) {
      if (error instanceof ApiError && error.body.code === 'idempotency_key_reused') return { key, stepsDone: 0, writtenBefore: true };
      return { key, stepsDone: 0, problem: problemOf(error, key, 'receive', receiver) };
    }
    for (const [index, step] of steps.entries()) {
      try {
        if (step.action === 'merge') version = await this.repeatFlagged(id, step.as);
        const answer = await this.client(step.as).command(
          `/api/complaints/${id}/${step.action}`,
          step.body,
          idempotencyKey(this.seed, key, index + 1, step.action),
          version,
        );
        version = answer.version;
      } catch (error) {
        return { key, id, version, stepsDone: index, problem: problemOf(error, key, step.action, step.as) };
      }
    }
    return { key, id, version, stepsDone: steps.length };
  }

  private client(username: string): ApiClient {
    const client = this.clients.get(username);
    if (!client) throw new Error(`演示数据有误：步骤需要的用户 "${username}" 不在演示用户中`);
    return client;
  }
}

function problemOf(error: unknown, complaint: string, step: string, as: string): DemoProblem {
  if (!(error instanceof ApiError)) throw error;
  const details = (error.body.errors ?? []).map((e) => `${e.field}:${e.rule}`).join(', ');
  return {
    complaint,
    step,
    as,
    request: `${error.method} ${error.path}`,
    status: error.status,
    code: error.body.code ?? '',
    message: [error.body.message ?? '', details].filter(Boolean).join(' '),
  };
}
