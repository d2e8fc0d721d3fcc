import { validationFailed } from '../../server/errors.ts';
import { resolveParty } from './parties.ts';
import { assertComparable, type ElectionData } from './queries.ts';
import { inScope, type Scope } from './scope.ts';
import { seatMetrics, swingNeeded, type SeatMetrics } from './seatMetrics.ts';
import { unknownParty } from './summary.ts';

export interface SeatFilter {
  scope: Scope;
  heldBy?: string;
  maxMajorityPct?: number;
  /** List the seats this party does not hold, ordered by the swing it needs. */
  challenger?: string;
  sort?: 'majority' | 'name';
}

export interface SeatRow extends SeatMetrics {
  /** Swing from the holder to the challenger that would flip the seat (when a challenger is given). */
  challengerSwingPts: number | null;
  /** Order in which the seat would fall as a uniform swing grows, within this list (1 = first). */
  rank: number;
}

/**
 * Seats in peril and targets: seats filtered by holder and majority, each with the uniform swing
 * that flips it (to the runner-up, or to a named challenger), ordered by how easily they fall.
 */
export function listSeats(data: ElectionData, compare: ElectionData | null, f: SeatFilter): SeatRow[] {
  if (compare) assertComparable(data.election, compare.election);
  const known = [...new Set([...data.election.parties, ...data.seats.map((s) => s.winner)])];
  const heldBy = f.heldBy ? resolveParty(f.heldBy, known) : null;
  if (f.heldBy && !heldBy) throw unknownParty(data, f.heldBy);
  const challenger = f.challenger ? resolveParty(f.challenger, data.election.parties) : null;
  if (f.challenger && !challenger) throw unknownParty(data, f.challenger);
  if (f.maxMajorityPct !== undefined && !(f.maxMajorityPct >= 0 && f.maxMajorityPct <= 100)) throw validationFailed('The largest majority must be a percentage from 0 to 100.');
  const earlier = compare ? new Map(compare.seats.map((s) => [s.code, s])) : null;
  const rows: SeatRow[] = [];
  for (const s of data.seats) {
    if (!inScope(f.scope, s)) continue;
    if (heldBy && s.winner !== heldBy) continue;
    const m = seatMetrics(s, data.areaNames.get(s.regionCode) ?? s.regionCode, earlier?.get(s.code));
    if (f.maxMajorityPct !== undefined && m.majorityPct > f.maxMajorityPct) continue;
    const challengerSwingPts = challenger ? swingNeeded(s, challenger) : null;
    if (challenger && challengerSwingPts === null) continue;
    rows.push({ ...m, challengerSwingPts, rank: 0 });
  }
  const key = (r: SeatRow) => r.challengerSwingPts ?? r.swingToFlipPts;
  rows.sort((a, b) => key(a) - key(b) || a.name.localeCompare(b.name));
  rows.forEach((r, i) => (r.rank = i + 1));
  if (f.sort === 'name') rows.sort((a, b) => a.name.localeCompare(b.name));
  return rows;
}
