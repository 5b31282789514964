import type { ChainProblem, HashChainAudit, HashChainReport, StreamHead } from '#event-store';

export interface AuditFindings {
  readonly report: HashChainReport;
  /** Saved heads the chains no longer reach (none when no heads were given). */
  readonly headProblems: readonly ChainProblem[];
  readonly intact: boolean;
}

/**
 * What `npm run audit:verify` checks, on whichever store holds the events (through its `HashChainAudit`):
 * every stream's chain, then the heads saved earlier if any. A restore can run the same check.
 */
export async function auditEventStore(store: HashChainAudit, savedHeads?: readonly StreamHead[]): Promise<AuditFindings> {
  const report = await store.verifyHashChains();
  const headProblems = savedHeads ? await store.checkStreamHeads(savedHeads) : [];
  return { report, headProblems, intact: report.problems.length === 0 && headProblems.length === 0 };
}

/** What a clean report vouches for on this store: said once in the output, so that a clean KurrentDB report is not over-read. */
export function chainKeepingNote(store: HashChainAudit): string | undefined {
  if (store.chainKeeping === 'stored') return undefined;
  return 'The event store computes the chains when read (KurrentDB): without --check-heads only missing revisions can be found; changed events show against saved heads.';
}
