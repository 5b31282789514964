import type { RepeatMatch } from './complaint.values.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A call as repeat detection sees it. The phone is compared as a hash the application computes. */
export interface CallForRepeatCheck {
  readonly complaintId: string;
  readonly receivedAt: Date;
  /** Empty for a call about no employer: it never matches on the employer. */
  readonly employerName: string;
  readonly callerPhoneHash?: string;
  /** The caller's ID number as a keyed hash (the application's, like the phone's). */
  readonly callerIdHash?: string;
}

/** An earlier complaint the application found in a read model (same normalised employer, phone or ID number hash). */
export interface RepeatCandidate extends CallForRepeatCheck {
  /** `open`: still being handled; `closed`; `merged` into another order (never a target). */
  readonly standing: 'open' | 'closed' | 'merged';
}

export type RepeatCallFinding =
  | { readonly isRepeat: false }
  | {
      readonly isRepeat: true;
      /** The order to flag against and merge into. */
      readonly repeatOf: string;
      readonly matchedOn: readonly RepeatMatch[];
      /** Other earlier complaints that match too, for the caseworker to see. */
      readonly alsoMatches: readonly string[];
    };

/**
 * 重复来电: is `call` a repeat of an earlier complaint received within `windowDays` before it, about
 * the same employer (names compared normalised), from the same phone or from the same ID number? The order to merge into is
 * the earliest matching open one, so repeats gather on the original; if none is open, the most
 * recent closed one (flagged for the record; a closed order takes no merge).
 */
export function findRepeatCall(call: CallForRepeatCheck, candidates: readonly RepeatCandidate[], windowDays: number): RepeatCallFinding {
  const employer = normaliseEmployerName(call.employerName);
  const matches = candidates
    .filter((c) => c.complaintId !== call.complaintId && c.standing !== 'merged' && withinWindow(c.receivedAt, call.receivedAt, windowDays))
    .map((candidate) => ({ candidate, matchedOn: matchesOf(candidate, employer, call) }))
    .filter(({ matchedOn }) => matchedOn.length > 0);
  const byTime = [...matches].sort((a, b) => a.candidate.receivedAt.getTime() - b.candidate.receivedAt.getTime());
  const chosen = byTime.find(({ candidate }) => candidate.standing === 'open') ?? byTime.at(-1);
  if (!chosen) return { isRepeat: false };
  return {
    isRepeat: true,
    repeatOf: chosen.candidate.complaintId,
    matchedOn: chosen.matchedOn,
    alsoMatches: byTime.filter((m) => m !== chosen).map((m) => m.candidate.complaintId),
  };
}

/**
 * An employer name in one form for comparison: full-width characters folded (NFKC), letters in
 * lower case, spaces and punctuation removed — `郑州 某某建筑（集团）有限公司` = `郑州某某建筑(集团)有限公司`.
 */
export function normaliseEmployerName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

function withinWindow(earlier: Date, later: Date, windowDays: number): boolean {
  const gap = later.getTime() - earlier.getTime();
  return gap >= 0 && gap <= windowDays * DAY_MS;
}

function matchesOf(candidate: RepeatCandidate, employer: string, call: CallForRepeatCheck): RepeatMatch[] {
  const same = (mine: string | undefined, theirs: string | undefined) => !!mine && mine === theirs;
  return [
    ...(employer !== '' && normaliseEmployerName(candidate.employerName) === employer ? (['same_employer'] as const) : []),
    ...(same(call.callerPhoneHash, candidate.callerPhoneHash) ? (['same_phone'] as const) : []),
    ...(same(call.callerIdHash, candidate.callerIdHash) ? (['same_id_number'] as const) : []),
  ];
}
