import { existsSync } from 'node:fs';
import type { ChainProblem, HashChainAudit } from '#event-store';
import type { SupervisorNotices } from './notices.js';
import { readHeadsFile, writeHeadsFile } from './stream-heads-file.js';

export interface AuditCheckReport {
  readonly at: string;
  readonly streams: number;
  readonly events: number;
  /** Problems in the chains, and against the heads saved by the previous check. */
  readonly problems: readonly ChainProblem[];
  readonly headsChecked: number;
}

export interface AuditScheduleDependencies {
  /** The event store's hash chains, whichever store holds the events. */
  readonly chains: HashChainAudit;
  /** Where the heads are kept between checks: outside the database (`<DATA_DIR>/audit/stream-heads.json`). */
  readonly headsFile: string;
  readonly notices: SupervisorNotices;
  /** The unit whose supervisors are told of a failure: the root of the tree (the city, or the province above the cities). */
  readonly rootUnitId: string;
  readonly clock: () => Date;
}

/**
 * 审计核验 on a schedule (issue 17): the hash chains of the event store are checked (ADR 0008), the
 * heads saved by the previous check must still be in them — a truncation with a stream's head moved
 * back, or a chain rewritten and recomputed, is caught against them — and, when all is intact, the
 * heads are saved again. A failure is a notice to every supervisor of the root, and the heads are not
 * overwritten, so every later check fails too until someone looks.
 */
export class AuditSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<AuditCheckReport> | undefined;

  constructor(private readonly deps: AuditScheduleDependencies) {}

  start(intervalMs: number, onError: (error: unknown) => void): void {
    const check = () => void this.runOnce().catch(onError);
    check();
    this.timer = setInterval(check, intervalMs);
    this.timer.unref();
  }

  /** One check; concurrent calls share it. */
  runOnce(): Promise<AuditCheckReport> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async check(): Promise<AuditCheckReport> {
    const at = this.deps.clock();
    const report = await this.deps.chains.verifyHashChains();
    const saved = existsSync(this.deps.headsFile) ? readHeadsFile(this.deps.headsFile) : undefined;
    const headProblems = saved ? await this.deps.chains.checkStreamHeads(saved.heads) : [];
    const problems = [...report.problems, ...headProblems];
    if (problems.length === 0) {
      writeHeadsFile(this.deps.headsFile, await this.deps.chains.readStreamHeads(), at);
    } else {
      const listed = problems.slice(0, 10).map((p) => `${p.problem} ${p.streamId} 第 ${p.revision} 版`).join('；');
      await this.deps.notices.send({
        unitId: this.deps.rootUnitId,
        kind: 'audit_chain_broken',
        title: '审计核验发现事件记录被改动',
        body: `${at.toISOString()} 的例行哈希链核验发现 ${problems.length} 处问题（${listed}${problems.length > 10 ? '……' : ''}）。` +
          '请立即联系系统管理员，用 npm run audit:verify 复核，并从备份核对。在查明前，保存的流头不会被覆盖。',
        at,
        dedupeKey: `audit_chain_broken:${at.toISOString().slice(0, 10)}`,
      });
    }
    return { at: at.toISOString(), streams: report.streams, events: report.events, problems, headsChecked: saved?.heads.length ?? 0 };
  }
}
