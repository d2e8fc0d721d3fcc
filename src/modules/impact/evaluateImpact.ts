import { validationFailed } from '../../server/errors.ts';
import { pct, round, totalsOf } from '../elections/aggregate.ts';
import { partyName, resolveParty } from '../elections/parties.ts';
import { assertComparable, type ElectionData } from '../elections/queries.ts';
import { inScope, type Scope } from '../elections/scope.ts';
import { unknownParty } from '../elections/summary.ts';
import { bootstrapInterval } from './bootstrap.ts';
import { matchSeats, type EvaluationSeat } from './matchSeats.ts';
import { caveatsFor, statementFor } from './statement.ts';

export interface EvaluateInput {
  party: string;
  from: ElectionData;
  to: ElectionData;
  /** ONS codes of the seats where organising happened. */
  organised: string[];
  /** Limit to one region or nation. */
  area?: Scope | null;
  source: { kind: 'list' | 'records'; description: string };
  k?: number;
  caliperPts?: number;
  resamples?: number;
  seed?: number;
}

export interface SeatLine {
  code: string;
  name: string;
  regionName: string;
  organised: boolean;
  priorSharePct: number;
  priorMajorityPct: number;
  changePts: number;
  /** For an organised seat, the comparable seats it was matched with. */
  matchedWith: string[];
}

export interface ImpactResult {
  party: string;
  partyName: string;
  from: string;
  to: string;
  area: Scope | null;
  source: { kind: 'list' | 'records'; description: string };
  method: { matching: string; k: number; caliperPts: number; resamples: number; seed: number; confidencePct: number };
  organised: { seats: number; meanChangePts: number };
  comparison: { seats: number; meanChangePts: number };
  difference: { pts: number; lowPts: number; highPts: number };
  regional: { regions: string[]; changePts: number };
  seats: SeatLine[];
  excluded: { code: string; name: string; reason: string }[];
  caveats: string[];
  statement: string;
}

/**
 * Did the party's share change differently where organising happened? Organised seats are
 * compared with seats in the same region that looked alike at the earlier election (share and
 * majority); the difference comes with a seeded bootstrap interval, the counts on each side,
 * plain-words caveats and a statement that can be quoted as it stands.
 */
export function evaluateImpact(input: EvaluateInput): ImpactResult {
  const { from, to } = input;
  assertComparable(to.election, from.election);
  const k = input.k ?? 3;
  const caliperPts = input.caliperPts ?? 10;
  const resamples = input.resamples ?? 10_000;
  const seed = input.seed ?? 1;
  const party = resolveParty(input.party, to.election.parties);
  if (!party || !from.election.parties.includes(party)) throw unknownParty(party ? from : to, input.party);

  const toSeats = new Map(to.seats.map((s) => [s.code, s]));
  const unknown = [...new Set(input.organised)].filter((c) => !toSeats.has(c));
  if (unknown.length > 0) {
    throw validationFailed(`Not constituencies of election "${to.election.name}": ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}.`, unknown.map((c) => ({ path: 'organised', message: `Unknown constituency ${c}` })));
  }
  const organised = new Set(input.organised);
  if (organised.size === 0) throw validationFailed('No organised seats were given.', [{ path: 'organised', message: 'Empty' }]);

  const regionName = (code: string) => to.areaNames.get(code) ?? code;
  const excluded: ImpactResult['excluded'] = [];
  const eligible: EvaluationSeat[] = [];
  for (const before of from.seats) {
    const after = toSeats.get(before.code);
    if (!after) continue;
    const isOrganised = organised.has(after.code);
    if (input.area && !inScope(input.area, after)) {
      if (isOrganised) excluded.push({ code: after.code, name: after.name, reason: `outside ${input.area.name}` });
      continue;
    }
    if (!before.votes[party] || !after.votes[party]) {
      if (isOrganised) excluded.push({ code: after.code, name: after.name, reason: `${partyName(party)} did not stand at both elections` });
      continue;
    }
    eligible.push({
      code: after.code, name: after.name, regionCode: after.regionCode,
      priorSharePct: pct(before.votes[party]!, before.validVotes), priorMajorityPct: pct(before.majority, before.validVotes),
      changePts: pct(after.votes[party]!, after.validVotes) - pct(before.votes[party]!, before.validVotes),
    });
  }
  const treated = eligible.filter((s) => organised.has(s.code));
  const pool = eligible.filter((s) => !organised.has(s.code));
  const { matched, unmatched } = matchSeats(treated, pool, { k, caliperPts });
  for (const u of unmatched) excluded.push({ code: u.code, name: u.name, reason: `no comparable seat in ${regionName(u.regionCode)} within ${caliperPts} points` });
  if (matched.length === 0) {
    throw validationFailed('None of the organised seats could be compared: each was left out for the reasons given.', excluded.map((e) => ({ path: e.code, message: `${e.name}: ${e.reason}` })));
  }

  const interval = bootstrapInterval(matched, resamples, seed);
  const organisedMean = matched.reduce((a, m) => a + m.seat.changePts, 0) / matched.length;
  const comparisonMean = organisedMean - interval.estimate;
  const comparators = new Map(matched.flatMap((m) => m.comparators.map((c) => [c.code, c] as const)));
  const regionCodes = [...new Set(matched.map((m) => m.seat.regionCode))].sort();
  const inRegions = (s: { regionCode: string }) => regionCodes.includes(s.regionCode);
  const t0 = totalsOf(from.seats.filter(inRegions), [party]);
  const t1 = totalsOf(to.seats.filter(inRegions), [party]);
  const regionalChange = pct(t1.votes[party]!, t1.validVotes) - pct(t0.votes[party]!, t0.validVotes);

  const line = (s: EvaluationSeat, isOrganised: boolean, matchedWith: string[]): SeatLine => ({
    code: s.code, name: s.name, regionName: regionName(s.regionCode), organised: isOrganised, priorSharePct: round(s.priorSharePct),
    priorMajorityPct: round(s.priorMajorityPct), changePts: round(s.changePts), matchedWith,
  });
  const result: Omit<ImpactResult, 'caveats' | 'statement'> = {
    party, partyName: partyName(party), from: from.election.name, to: to.election.name, area: input.area ?? null, source: input.source,
    method: { matching: 'nearest seats in the same region on prior share and prior majority, with replacement', k, caliperPts, resamples, seed, confidencePct: 95 },
    organised: { seats: matched.length, meanChangePts: round(organisedMean) },
    comparison: { seats: comparators.size, meanChangePts: round(comparisonMean) },
    difference: { pts: round(interval.estimate), lowPts: round(interval.low), highPts: round(interval.high) },
    regional: { regions: regionCodes.map(regionName), changePts: round(regionalChange) },
    seats: [
      ...matched.map((m) => line(m.seat, true, m.comparators.map((c) => c.code))),
      ...[...comparators.values()].sort((a, b) => a.name.localeCompare(b.name)).map((c) => line(c, false, [])),
    ],
    excluded,
  };
  return { ...result, caveats: caveatsFor(result), statement: statementFor(result) };
}
