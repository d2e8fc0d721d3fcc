/** A seat as the evaluation sees it. */
export interface EvaluationSeat {
  code: string;
  name: string;
  regionCode: string;
  /** The party's share at the earlier election, in %. */
  priorSharePct: number;
  /** The seat's majority at the earlier election, in % of valid votes. */
  priorMajorityPct: number;
  /** Change in the party's share between the two elections, in points. */
  changePts: number;
}

export interface Match {
  seat: EvaluationSeat;
  comparators: EvaluationSeat[];
}

export interface MatchOptions {
  /** Comparable seats per organised seat, at most. */
  k: number;
  /** Largest distance (in points of share and majority together) a comparable seat may be from the organised one. */
  caliperPts: number;
}

/**
 * Nearest-neighbour matching with replacement: for each organised seat, the up to `k` other
 * seats in the same region closest in prior share and prior majority (Euclidean distance in
 * points), within the caliper. Ties break by ONS code, so the result is deterministic.
 */
export function matchSeats(treated: EvaluationSeat[], pool: EvaluationSeat[], opts: MatchOptions): { matched: Match[]; unmatched: EvaluationSeat[] } {
  const byRegion = new Map<string, EvaluationSeat[]>();
  for (const s of pool) byRegion.set(s.regionCode, [...(byRegion.get(s.regionCode) ?? []), s]);
  const matched: Match[] = [];
  const unmatched: EvaluationSeat[] = [];
  for (const t of [...treated].sort((a, b) => a.code.localeCompare(b.code))) {
    const near = (byRegion.get(t.regionCode) ?? [])
      .map((c) => ({ c, d: Math.hypot(c.priorSharePct - t.priorSharePct, c.priorMajorityPct - t.priorMajorityPct) }))
      .filter((x) => x.d <= opts.caliperPts)
      .sort((a, b) => a.d - b.d || a.c.code.localeCompare(b.c.code))
      .slice(0, opts.k)
      .map((x) => x.c);
    if (near.length > 0) matched.push({ seat: t, comparators: near });
    else unmatched.push(t);
  }
  return { matched, unmatched };
}
