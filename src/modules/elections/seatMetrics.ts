import { pct, round } from './aggregate.ts';
import { OTHER } from './parties.ts';
import type { ElectionData, SeatResult } from './queries.ts';

/** One seat's figures: shares, majority, runner-up and the swing that would flip it. */
export interface SeatMetrics {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  nationCode: string;
  winner: string;
  winnerVotes: number | null;
  winnerSharePct: number | null;
  runnerUp: string;
  runnerUpVotes: number | null;
  runnerUpSharePct: number | null;
  majority: number;
  majorityPct: number;
  /** Uniform Butler swing from the winner to the runner-up that would flip the seat: half the majority. */
  swingToFlipPts: number;
  electorate: number;
  validVotes: number;
  turnoutPct: number;
  result: string;
  memberName: string | null;
  /** Share of valid votes per party column and Other. */
  shares: Record<string, number>;
  /** Change in share since the compared election, per party column present in both; null without a comparison. */
  changes: Record<string, number> | null;
}

/** Every candidate whose votes the file lets us know: party columns, plus a winner or runner-up without one. */
export function candidateVotes(seat: SeatResult): Record<string, number> {
  const out: Record<string, number> = { ...seat.votes };
  if (!(seat.winner in out) && seat.winnerVotes !== null) out[seat.winner] = seat.winnerVotes;
  if (!(seat.runnerUp in out) && seat.runnerUpVotes !== null) out[seat.runnerUp] = seat.runnerUpVotes;
  return out;
}

/** Figures for one seat; `before` is the same constituency at an earlier election on the same boundaries. */
export function seatMetrics(seat: SeatResult, regionName: string, before?: SeatResult): SeatMetrics {
  const shares: Record<string, number> = { [OTHER]: round(pct(seat.otherVotes, seat.validVotes)) };
  for (const [p, v] of Object.entries(seat.votes)) shares[p] = round(pct(v, seat.validVotes));
  let changes: Record<string, number> | null = null;
  if (before) {
    changes = {};
    for (const p of Object.keys(seat.votes)) {
      if (p in before.votes) changes[p] = round(pct(seat.votes[p]!, seat.validVotes) - pct(before.votes[p]!, before.validVotes));
    }
    changes[OTHER] = round(pct(seat.otherVotes, seat.validVotes) - pct(before.otherVotes, before.validVotes));
  }
  const majorityPct = pct(seat.majority, seat.validVotes);
  return {
    code: seat.code, name: seat.name, regionCode: seat.regionCode, regionName, nationCode: seat.nationCode,
    winner: seat.winner, winnerVotes: seat.winnerVotes, winnerSharePct: seat.winnerVotes === null ? null : round(pct(seat.winnerVotes, seat.validVotes)),
    runnerUp: seat.runnerUp, runnerUpVotes: seat.runnerUpVotes, runnerUpSharePct: seat.runnerUpVotes === null ? null : round(pct(seat.runnerUpVotes, seat.validVotes)),
    majority: seat.majority, majorityPct: round(majorityPct), swingToFlipPts: round(majorityPct / 2),
    electorate: seat.electorate, validVotes: seat.validVotes, turnoutPct: round(pct(seat.validVotes, seat.electorate)),
    result: seat.result, memberName: seat.memberName, shares, changes,
  };
}

/** Figures for every seat of an election, with changes when an earlier election is given. */
export function allSeatMetrics(data: ElectionData, compare?: ElectionData | null): SeatMetrics[] {
  const earlier = compare ? new Map(compare.seats.map((s) => [s.code, s])) : null;
  return data.seats.map((s) => seatMetrics(s, data.areaNames.get(s.regionCode) ?? s.regionCode, earlier?.get(s.code)));
}

/**
 * The uniform swing from the holder to `challenger` that would give the challenger the seat:
 * half the gap between their shares. Null when the challenger holds it or did not stand.
 */
export function swingNeeded(seat: SeatResult, challenger: string): number | null {
  if (seat.winner === challenger || seat.winnerVotes === null) return null;
  const votes = candidateVotes(seat)[challenger];
  if (!votes) return null;
  return round(pct(seat.winnerVotes - votes, seat.validVotes) / 2);
}
