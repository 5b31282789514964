/**
 * The requests issue 15 found by hand, kept in every run whatever the seed samples: each names an
 * operation, where the bad value goes and what kind it is. The plan always includes every
 * candidate that matches (for a bad date, all seven dates).
 */
export interface AlwaysSent {
  readonly operation: RegExp;
  readonly target: RegExp;
  readonly kind: RegExp;
}

export const ISSUE_15_FINDINGS: readonly AlwaysSent[] = [
  // A payment or advance allocated to claimant `constructor` / `__proto__` stopped two read models.
  { operation: /^POST \/api\/wage-cases\/\{id\}\/payments$/, target: /^allocations\.0\.claimantId$/, kind: /prototype-key-as-id/ },
  { operation: /^POST \/api\/wage-cases\/\{id\}\/advances$/, target: /^allocations\.0\.claimantId$/, kind: /prototype-key-as-id/ },
  { operation: /^POST \/api\/wage-cases\/\{id\}\/verify$/, target: /^claims\.0\.claimantId$/, kind: /prototype-key-as-id/ },
  // `amend` of claimant `constructor`, `toString`, `hasOwnProperty` answered 500.
  { operation: /^POST \/api\/wage-cases\/\{id\}\/claimants\/\{claimantId\}\/amend$/, target: /^\{claimantId\}$/, kind: /^path\.prototype-key$/ },
  // Any id of a part of a case (claimant, payment, session, installment…) in a path or a body.
  { operation: /./, target: /^\{\w+Id\}$/, kind: /^path\.prototype-key$/ },
  { operation: /^POST /, target: /(^|\.)(claimantId|installmentId|partyId|mediatorId|userId)$/, kind: /prototype-key-as-id/ },
  // Year 0000 in `paidOn` and a mediation `referredOn` stopped projections.
  { operation: /^POST \/api\/wage-cases\/\{id\}\/payments$/, target: /^paidOn$/, kind: /bad-date/ },
  { operation: /^POST \/api\/mediation-cases$/, target: /^referredOn$/, kind: /bad-date/ },
  // Session `startsAt` of 1, 4101, +275760-09-13, -000001-01-01, 2026-02-30T01:00:00Z answered 500.
  { operation: /^POST \/api\/mediation-cases\/\{id\}\/sessions$/, target: /^startsAt$/, kind: /bad-date/ },
  // Stats `from=2026-02-30` or `from=0000-01-01`; a notice started 9999-12-31.
  { operation: /^GET \/api\/stats\/\w+$/, target: /^from$/, kind: /bad-date/ },
  { operation: /^POST \/api\/hardship-files\/\{id\}\/notice$/, target: /^startedOn$/, kind: /bad-date/ },
  // A NUL byte in free text, filters and names answered 500.
  { operation: /^GET \/api\/cases$/, target: /^status$/, kind: /control U\+0000/ },
  { operation: /^POST \/api\/complaints$/, target: /^summary$/, kind: /control U\+0000/ },
  { operation: /^POST \/api\/complaints\/\{id\}\/note$/, target: /^text$/, kind: /control U\+0000/ },
  { operation: /^POST \/api\/users$/, target: /^displayName$/, kind: /control U\+0000/ },
  { operation: /^POST \/api\/wage-cases\/\{id\}\/claimants\/\{claimantId\}\/withdraw$/, target: /^reason$/, kind: /control U\+0000/ },
];

export function alwaysSent(operation: string, target: string, kind: string): boolean {
  return ISSUE_15_FINDINGS.some((f) => f.operation.test(operation) && f.target.test(target) && f.kind.test(kind));
}
