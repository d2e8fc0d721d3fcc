import type { SeatResult } from './queries.ts';

/** Summed votes and seats for a set of constituencies. */
export interface Totals {
  seats: number;
  electorate: number;
  validVotes: number;
  invalidVotes: number;
  /** Votes per party column. */
  votes: Record<string, number>;
  otherVotes: number;
  /** Seats won, by the winner's label (including those without a column, such as the Speaker). */
  seatsWon: Record<string, number>;
}

/** Adds up a set of seats. */
export function totalsOf(seats: readonly SeatResult[], parties: readonly string[]): Totals {
  const t: Totals = { seats: 0, electorate: 0, validVotes: 0, invalidVotes: 0, votes: Object.fromEntries(parties.map((p) => [p, 0])), otherVotes: 0, seatsWon: {} };
  for (const s of seats) {
    t.seats++;
    t.electorate += s.electorate;
    t.validVotes += s.validVotes;
    t.invalidVotes += s.invalidVotes;
    t.otherVotes += s.otherVotes;
    for (const p of parties) t.votes[p]! += s.votes[p] ?? 0;
    t.seatsWon[s.winner] = (t.seatsWon[s.winner] ?? 0) + 1;
  }
  return t;
}

/** Part of a whole as a percentage (0 when the whole is 0). */
export function pct(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

/** Rounds for output; calculations always use unrounded values. */
export function round(x: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/**
 * Butler swing between two parties: the average of one's gain and the other's loss in share,
 * in points. Positive means a swing from `from` to `to`.
 */
export function butlerSwing(before: Record<string, number>, after: Record<string, number>, from: string, to: string): number {
  return ((after[to]! - before[to]!) - (after[from]! - before[from]!)) / 2;
}
