import { validationFailed } from '../../server/errors.ts';
import { pct, round } from './aggregate.ts';
import { resolveParty } from './parties.ts';
import type { ElectionData } from './queries.ts';
import { inScope, type Scope } from './scope.ts';
import { candidateVotes } from './seatMetrics.ts';
import { unknownParty } from './summary.ts';

export interface ScenarioInput {
  from: string;
  to: string;
  /** Points of Butler swing: `from` loses this much share and `to` gains it, in every seat of the scope. */
  swing: number;
  scope: Scope;
}

export interface SeatChange {
  code: string;
  name: string;
  regionName: string;
  before: string;
  after: string;
  majorityPctBefore: number;
  marginPctAfter: number;
}

export interface ScenarioResult {
  from: string;
  to: string;
  swing: number;
  area: Scope;
  seatsInArea: number;
  changes: SeatChange[];
  seatsBefore: Record<string, number>;
  seatsAfter: Record<string, number>;
}

/**
 * Applies a uniform swing in an area and lists the seats that change hands. The swing is
 * applied only where both parties stood; shares never go below zero.
 */
export function runScenario(data: ElectionData, input: ScenarioInput): ScenarioResult {
  const from = resolveParty(input.from, data.election.parties);
  const to = resolveParty(input.to, data.election.parties);
  if (!from) throw unknownParty(data, input.from);
  if (!to) throw unknownParty(data, input.to);
  if (from === to) throw validationFailed('A swing needs two different parties.');
  if (!(Math.abs(input.swing) <= 50)) throw validationFailed('The swing must be between -50 and 50 points.');
  const seatsBefore: Record<string, number> = {};
  const seatsAfter: Record<string, number> = {};
  const changes: SeatChange[] = [];
  let seatsInArea = 0;
  for (const s of data.seats) {
    if (!inScope(input.scope, s)) continue;
    seatsInArea++;
    const shares = Object.fromEntries(Object.entries(candidateVotes(s)).map(([p, v]) => [p, pct(v, s.validVotes)]));
    if ((shares[from] ?? 0) > 0 && (shares[to] ?? 0) > 0) {
      shares[from] = Math.max(0, shares[from]! - input.swing);
      shares[to] = Math.max(0, shares[to]! + input.swing);
    }
    const ranked = Object.entries(shares).sort((a, b) => b[1] - a[1]);
    // A seat whose winner's votes the file does not give (an independent beating another) cannot be re-run.
    const after = s.winnerVotes === null ? s.winner : ranked[0]![0];
    seatsBefore[s.winner] = (seatsBefore[s.winner] ?? 0) + 1;
    seatsAfter[after] = (seatsAfter[after] ?? 0) + 1;
    if (after !== s.winner) {
      changes.push({
        code: s.code, name: s.name, regionName: data.areaNames.get(s.regionCode) ?? s.regionCode, before: s.winner, after,
        majorityPctBefore: round(pct(s.majority, s.validVotes)), marginPctAfter: round(ranked[0]![1] - (ranked[1]?.[1] ?? 0)),
      });
    }
  }
  if (seatsInArea === 0) throw validationFailed(`Election "${data.election.name}" has no seats in ${input.scope.name}.`);
  changes.sort((a, b) => a.majorityPctBefore - b.majorityPctBefore || a.name.localeCompare(b.name));
  return { from, to, swing: input.swing, area: input.scope, seatsInArea, changes, seatsBefore, seatsAfter };
}
