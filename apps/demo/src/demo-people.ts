/**
 * The people of the demo's wage cases, hardship files and mediation cases: fake but well-formed
 * (names, ID numbers with their check character, mobile numbers), the same for the same seed, so a
 * re-run sends the very same bodies. Never printed.
 */
import { fakeCaller, SeededRandom, type FakeCaller } from './fake-personal-data.js';

/**
 * `count` people with different names for the case `tag`; `serialBase` keeps their phone numbers apart
 * from the complaints' callers (0–999) and from the other cases' people.
 */
export function demoPeople(seed: string, tag: string, count: number, serialBase: number, femaleShare = 0.3): FakeCaller[] {
  const random = new SeededRandom(`${seed}:people:${tag}`);
  const people: FakeCaller[] = [];
  const names = new Set<string>();
  while (people.length < count) {
    const person = fakeCaller(random, serialBase + people.length, random.next() < femaleShare);
    if (names.has(person.name)) continue;
    names.add(person.name);
    people.push(person);
  }
  return people;
}

/**
 * `total` fen split in proportion to `weights`, exact to the fen: each share rounded down, the fen
 * left over going to the largest remainders (the way the console splits a payment pro rata).
 */
export function proRata(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** Yuan to fen. */
export const yuan = (amount: number): number => Math.round(amount * 100);
