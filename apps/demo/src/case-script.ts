/**
 * Walks one demo wage case, hardship file or mediation case through the command API, step by step,
 * as the user who would take each step: an `Idempotency-Key` from the demo seed, the case and the
 * step (a second run gets the first run's answers back and writes nothing), `If-Match` with the
 * version of the previous answer. A refused request stops that case and is reported as it was.
 */
import { ApiError, type ApiClient } from './api-client.js';
import type { DemoProblem } from './complaint-walker.js';

/** Every command answers `{id, version}`; some add the ids they gave (`claimantIds`, `advanceId`, `sessionId`…). */
export type Answer = { readonly id: string; readonly version: number } & Readonly<Record<string, unknown>>;

/** Thrown when a step was answered `idempotency_key_reused`: an earlier run, on another day (other dates), wrote the case. */
export class WrittenBefore extends Error {}

export class CaseScript {
  id = '';
  version = 0;
  private step = 0;
  private lastStep = '';
  private lastAs = '';

  constructor(
    private readonly clients: ReadonlyMap<string, ApiClient>,
    private readonly seed: string,
    /** `wage:W1`, `hardship:H3`, `mediation:M2`: part of every key and of every problem reported. */
    readonly key: string,
    /** `/api/wage-cases` and so on. */
    private readonly base: string,
  ) {}

  /** Creates the case (`POST base`) and remembers its id and version. */
  async open(as: string, body: unknown): Promise<Answer> {
    const answer = await this.send(as, this.base, 'open', body);
    this.id = answer.id;
    return answer;
  }

  /** Starts from a case that exists already (e.g. one imported from a legacy registry). */
  attach(id: string, version: number): void {
    this.id = id;
    this.version = version;
  }

  /** `POST base/:id/<action>` with `If-Match`. */
  act(as: string, action: string, body: unknown = {}): Promise<Answer> {
    return this.send(as, `${this.base}/${this.id}/${action}`, action, body, this.version);
  }

  /** `GET base/:id` (or a sub-resource) as `as`. */
  read<T>(as: string, sub = ''): Promise<T> {
    return this.client(as).get<T>(`${this.base}/${this.id}${sub ? `/${sub}` : ''}`);
  }

  private async send(as: string, path: string, name: string, body: unknown, ifMatch?: number): Promise<Answer> {
    this.step += 1;
    // `advances/<uuid>/decision` → `advances/decision`: keys and problem lines stay short and ASCII.
    this.lastStep = name.replace(/\/[0-9a-f-]{36}/g, '');
    this.lastAs = as;
    const key = `${this.seed}.${this.key}.${String(this.step).padStart(2, '0')}.${this.lastStep.replace(/\//g, '-')}`;
    let answer: Answer;
    try {
      answer = (await this.client(as).command(path, body, key, ifMatch)) as Answer;
    } catch (error) {
      // A step's key with another body: a run on an earlier day (other dates) wrote this case; leave it as it is.
      if (error instanceof ApiError && error.body.code === 'idempotency_key_reused') throw new WrittenBefore(this.key);
      throw error;
    }
    if (typeof answer.version === 'number') this.version = answer.version;
    return answer;
  }

  /** The refused request as a problem line (a 4xx), or the error itself re-thrown (network, 5xx bugs alike are reported). */
  problemOf(error: unknown): DemoProblem {
    if (!(error instanceof ApiError)) throw error;
    const details = (error.body.errors ?? []).map((e) => `${e.field}:${e.rule}`).join(', ');
    return {
      complaint: this.key,
      step: this.lastStep,
      as: this.lastAs,
      request: `${error.method} ${error.path}`,
      status: error.status,
      code: error.body.code ?? '',
      message: [error.body.message ?? '', details].filter(Boolean).join(' '),
    };
  }

  private client(username: string): ApiClient {
    const client = this.clients.get(username);
    if (!client) throw new Error(`演示数据有误：步骤需要的用户 "${username}" 不在演示用户中`);
    return client;
  }
}

/** What one case's script left: its id when created, and the problem that stopped it. */
export interface ScriptResult {
  readonly key: string;
  readonly id?: string;
  readonly problem?: DemoProblem;
  readonly writtenBefore?: boolean;
}

/** Runs `script` for one case, turning a refusal into a reported problem. */
export async function runScript(script: CaseScript, steps: (s: CaseScript) => Promise<void>): Promise<ScriptResult> {
  try {
    await steps(script);
    return { key: script.key, id: script.id };
  } catch (error) {
    if (error instanceof WrittenBefore) return { key: script.key, ...(script.id ? { id: script.id } : {}), writtenBefore: true };
    return { key: script.key, ...(script.id ? { id: script.id } : {}), problem: script.problemOf(error) };
  }
}
