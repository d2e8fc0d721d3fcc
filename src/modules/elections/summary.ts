import { validationFailed } from '../../server/errors.ts';
import { butlerSwing, pct, round, totalsOf, type Totals } from './aggregate.ts';
import { OTHER, partyName, resolveParty } from './parties.ts';
import { assertComparable, type ElectionData } from './queries.ts';
import { inScope, type Scope } from './scope.ts';

export interface PartyLine {
  party: string;
  name: string;
  /** Null for a winner without its own column (its votes are within Other). */
  votes: number | null;
  sharePct: number | null;
  changePts: number | null;
  seats: number;
  seatChange: number | null;
}

export interface Summary {
  election: { name: string; heldOn: string; boundarySet: string };
  compare: { name: string; heldOn: string } | null;
  area: Scope;
  seats: number;
  electorate: number;
  validVotes: number;
  invalidVotes: number;
  turnoutPct: number;
  turnoutChangePts: number | null;
  parties: PartyLine[];
  swing: { from: string; to: string; points: number } | null;
  notes: string[];
}

export interface SwingPair {
  a: string;
  b: string;
}

/** Shares of valid votes per party column, plus Other. */
export function sharesOf(t: Totals): Record<string, number> {
  const out: Record<string, number> = { [OTHER]: pct(t.otherVotes, t.validVotes) };
  for (const [p, v] of Object.entries(t.votes)) out[p] = pct(v, t.validVotes);
  return out;
}

/**
 * Votes, shares, change, seats, turnout and Butler swing for one area of an election,
 * optionally against an earlier election on the same boundaries. Turnout is valid votes as a
 * share of the electorate, as the House of Commons Library reports it.
 */
export function buildSummary(data: ElectionData, compare: ElectionData | null, scope: Scope, pair: SwingPair = { a: 'Con', b: 'Lab' }): Summary {
  if (compare) assertComparable(data.election, compare.election);
  const seats = data.seats.filter((s) => inScope(scope, s));
  if (seats.length === 0) throw validationFailed(`Election "${data.election.name}" has no seats in ${scope.name}.`);
  const now = totalsOf(seats, data.election.parties);
  const nowShares = sharesOf(now);
  const before = compare ? totalsOf(compare.seats.filter((s) => inScope(scope, s)), compare.election.parties) : null;
  const beforeShares = before ? sharesOf(before) : null;
  const notes: string[] = [];

  const lines: PartyLine[] = [];
  const change = (p: string) => (beforeShares && p in beforeShares && before!.validVotes > 0 ? round(nowShares[p]! - beforeShares[p]!) : null);
  const seatChange = (p: string) => (before ? (now.seatsWon[p] ?? 0) - (before.seatsWon[p] ?? 0) : null);
  for (const p of data.election.parties) {
    const v = now.votes[p]!;
    if (v === 0 && !(before && (before.votes[p] ?? 0) > 0) && !now.seatsWon[p]) continue;
    lines.push({ party: p, name: partyName(p), votes: v, sharePct: round(nowShares[p]!), changePts: change(p), seats: now.seatsWon[p] ?? 0, seatChange: seatChange(p) });
  }
  lines.sort((x, y) => y.votes! - x.votes!);
  const unlisted = new Set([...Object.keys(now.seatsWon), ...Object.keys(before?.seatsWon ?? {})].filter((p) => !data.election.parties.includes(p)));
  for (const p of [...unlisted].sort()) {
    lines.push({ party: p, name: partyName(p), votes: null, sharePct: null, changePts: null, seats: now.seatsWon[p] ?? 0, seatChange: seatChange(p) });
  }
  lines.push({ party: OTHER, name: partyName(OTHER), votes: now.otherVotes, sharePct: round(nowShares[OTHER]!), changePts: change(OTHER), seats: 0, seatChange: null });
  if (unlisted.size > 0) notes.push(`Votes for ${[...unlisted].map(partyName).join(', ')} are counted in Other: they have no column of their own.`);
  if (compare) {
    for (const p of compare.election.parties.filter((x) => !data.election.parties.includes(x))) {
      notes.push(`${partyName(p)} has a column in ${compare.election.name} but not in ${data.election.name}; its ${data.election.name} votes are within Other.`);
    }
    for (const p of data.election.parties.filter((x) => !compare.election.parties.includes(x))) {
      notes.push(`${partyName(p)} has no column in ${compare.election.name}, so its change is not shown.`);
    }
  }

  let swing: Summary['swing'] = null;
  if (beforeShares && before!.validVotes > 0 && [pair.a, pair.b].every((p) => p in nowShares && p in beforeShares)) {
    const s = butlerSwing(beforeShares, nowShares, pair.a, pair.b);
    swing = s >= 0 ? { from: pair.a, to: pair.b, points: round(s) } : { from: pair.b, to: pair.a, points: round(-s) };
  }
  const turnout = pct(now.validVotes, now.electorate);
  return {
    election: { name: data.election.name, heldOn: data.election.heldOn, boundarySet: data.election.boundarySet },
    compare: compare ? { name: compare.election.name, heldOn: compare.election.heldOn } : null,
    area: scope,
    seats: now.seats,
    electorate: now.electorate,
    validVotes: now.validVotes,
    invalidVotes: now.invalidVotes,
    turnoutPct: round(turnout),
    turnoutChangePts: before && before.electorate > 0 ? round(turnout - pct(before.validVotes, before.electorate)) : null,
    parties: lines,
    swing,
    notes,
  };
}

/** The pair of parties for Butler swing, checked against the results (Con and Lab unless told). */
export function swingPair(data: ElectionData, a?: string, b?: string): SwingPair {
  const known = data.election.parties;
  const pa = a ? resolveParty(a, known) : 'Con';
  const pb = b ? resolveParty(b, known) : 'Lab';
  if (!pa || !pb) throw unknownParty(data, (!pa ? a : b)!);
  if (pa === pb) throw validationFailed('Swing needs two different parties.');
  return { a: pa, b: pb };
}

/** The 422 for a party the results do not have, listing those they do. */
export function unknownParty(data: ElectionData, input: string) {
  const known = [...new Set([...data.election.parties, ...data.seats.map((s) => s.winner)])];
  return validationFailed(`Party "${input}" is not in the ${data.election.name} results; the parties are ${known.join(', ')}.`, [{ path: 'party', message: 'Unknown party' }]);
}

/** Summaries for each region (Scotland, Wales and Northern Ireland count as regions), for tables and charts. */
export function regionalSummaries(data: ElectionData, compare: ElectionData | null, pair?: SwingPair): Summary[] {
  const codes = [...new Set(data.seats.map((s) => s.regionCode))];
  return codes
    .map((code) => buildSummary(data, compare, { level: 'region', code, name: data.areaNames.get(code) ?? code }, pair))
    .sort((x, y) => x.area.code!.localeCompare(y.area.code!));
}

/** Summaries for the UK, Great Britain and each nation. */
export function nationalSummaries(data: ElectionData, compare: ElectionData | null, pair?: SwingPair): Summary[] {
  const nations = [...new Set(data.seats.map((s) => s.nationCode))].sort();
  return [
    buildSummary(data, compare, { level: 'uk', code: 'K02000001', name: 'United Kingdom' }, pair),
    buildSummary(data, compare, { level: 'gb', code: null, name: 'Great Britain' }, pair),
    ...nations.map((code) => buildSummary(data, compare, { level: 'nation', code, name: data.areaNames.get(code) ?? code }, pair)),
  ];
}
