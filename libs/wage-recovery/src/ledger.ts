import { sumFen, type Fen } from './money.js';
import type { ClaimantLedger, WageCaseState } from './wage-case.state.js';

/** What the worker is still owed: verified, less what reached them (recovered net of the fund's share, and advances). */
export function owedToWorker(claimant: ClaimantLedger): Fen {
  return (claimant.verified ?? 0) - claimant.recovered - (claimant.advanced - claimant.reimbursed);
}

/** What the emergency fund still waits to get back from this claimant's later recoveries. */
export function owedToFund(claimant: ClaimantLedger): Fen {
  return claimant.advanced - claimant.reimbursed;
}

/** What reached the worker so far: advances, and recoveries less the part that repaid the fund. */
export function paidToWorker(claimant: ClaimantLedger): Fen {
  return claimant.advanced + claimant.recovered - claimant.reimbursed;
}

export interface LedgerLine {
  readonly claimantId: string;
  readonly name: string;
  readonly withdrawn: boolean;
  readonly claimed: Fen;
  readonly verified: Fen | null;
  readonly recovered: Fen;
  readonly advanced: Fen;
  readonly reimbursed: Fen;
  /** Still owed to the worker (0 for a withdrawn claim). */
  readonly outstanding: Fen;
  readonly owedToFund: Fen;
}

export interface CaseTotals {
  readonly claimants: number;
  readonly claimed: Fen;
  readonly verified: Fen;
  readonly recovered: Fen;
  readonly advanced: Fen;
  readonly reimbursed: Fen;
  readonly outstanding: Fen;
  readonly owedToFund: Fen;
}

/** 台账: one line per claimant in the order added. Withdrawn claims stay listed and count nothing owed. */
export function ledgerOf(state: WageCaseState): LedgerLine[] {
  return state.claimantOrder.map((id) => {
    const c = state.claimants[id];
    return {
      claimantId: id,
      name: c.details.name,
      withdrawn: c.withdrawn,
      claimed: c.claimed,
      verified: c.verified,
      recovered: c.recovered,
      advanced: c.advanced,
      reimbursed: c.reimbursed,
      outstanding: c.withdrawn ? 0 : owedToWorker(c),
      owedToFund: owedToFund(c),
    };
  });
}

/** The case's totals; claimed and verified count only claims not withdrawn, money counts all that moved. */
export function caseTotals(state: WageCaseState): CaseTotals {
  const lines = ledgerOf(state);
  const active = lines.filter((line) => !line.withdrawn);
  return {
    claimants: active.length,
    claimed: sumFen(active.map((line) => line.claimed)),
    verified: sumFen(active.map((line) => line.verified ?? 0)),
    recovered: sumFen(lines.map((line) => line.recovered)),
    advanced: sumFen(lines.map((line) => line.advanced)),
    reimbursed: sumFen(lines.map((line) => line.reimbursed)),
    outstanding: sumFen(lines.map((line) => line.outstanding)),
    owedToFund: sumFen(lines.map((line) => line.owedToFund)),
  };
}

export function activeClaimants(state: WageCaseState): ClaimantLedger[] {
  return state.claimantOrder.map((id) => state.claimants[id]).filter((c) => !c.withdrawn);
}

/**
 * The money rules of DOMAIN.md §2, as the list of what is broken (empty when all hold): every amount
 * an integer ≥ 0; recovered ≤ verified; the fund never repaid more than it advanced; the worker never
 * paid more than verified; each live payment's allocations add up to it; totals equal the sums of the
 * payments and approved advances. Tests check it after every command.
 */
export function ledgerViolations(state: WageCaseState): string[] {
  const broken: string[] = [];
  for (const id of state.claimantOrder) {
    const c = state.claimants[id];
    for (const [name, value] of Object.entries({ claimed: c.claimed, recovered: c.recovered, advanced: c.advanced, reimbursed: c.reimbursed, verified: c.verified ?? 0 })) {
      if (!Number.isSafeInteger(value) || value < 0) broken.push(`${id}: ${name} = ${value}`);
    }
    if (c.recovered > (c.verified ?? 0)) broken.push(`${id}: recovered ${c.recovered} > verified ${c.verified}`);
    if (c.reimbursed > c.advanced) broken.push(`${id}: reimbursed ${c.reimbursed} > advanced ${c.advanced}`);
    if (c.reimbursed > c.recovered) broken.push(`${id}: reimbursed ${c.reimbursed} > recovered ${c.recovered}`);
    if (owedToWorker(c) < 0) broken.push(`${id}: paid to the worker ${paidToWorker(c)} > verified ${c.verified}`);
  }
  const livePayments = Object.values(state.payments).filter((p) => !p.reversed);
  for (const [paymentId, payment] of Object.entries(state.payments)) {
    if (sumFen(payment.allocations.map((a) => a.amount)) !== payment.amount) broken.push(`payment ${paymentId}: allocations do not add up`);
  }
  const approved = Object.values(state.advances).filter((a) => a.status === 'approved');
  const claimants = Object.values(state.claimants);
  if (sumFen(claimants.map((c) => c.recovered)) !== sumFen(livePayments.map((p) => p.amount))) broken.push('recovered ≠ sum of live payments');
  if (sumFen(claimants.map((c) => c.reimbursed)) !== sumFen(livePayments.flatMap((p) => p.allocations.map((a) => a.reimbursed)))) broken.push('reimbursed ≠ sum of live payments’ reimbursements');
  if (sumFen(claimants.map((c) => c.advanced)) !== sumFen(approved.map((a) => a.amount))) broken.push('advanced ≠ sum of approved advances');
  return broken;
}
