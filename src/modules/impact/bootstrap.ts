import type { Match } from './matchSeats.ts';
import { seededRandom } from './random.ts';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
};

/** The matched difference: mean over organised seats of (its change − mean change of its comparable seats). */
export function matchedDifference(matches: Match[]): number {
  return mean(matches.map((m) => m.seat.changePts - mean(m.comparators.map((c) => c.changePts))));
}

/**
 * Percentile bootstrap interval for the matched difference. Each resample draws organised seats
 * with replacement and, for each, its comparable seats with replacement, so uncertainty on both
 * sides is carried. Seeded: the same seed gives the same interval.
 */
export function bootstrapInterval(matches: Match[], resamples: number, seed: number, confidence = 0.95): Interval {
  const rand = seededRandom(seed);
  const n = matches.length;
  const treated = Float64Array.from(matches.map((m) => m.seat.changePts));
  const comps = matches.map((m) => Float64Array.from(m.comparators.map((c) => c.changePts)));
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * n);
      const c = comps[j]!;
      let cs = 0;
      for (let q = 0; q < c.length; q++) cs += c[Math.floor(rand() * c.length)]!;
      total += treated[j]! - cs / c.length;
    }
    stats[r] = total / n;
  }
  stats.sort();
  const alpha = (1 - confidence) / 2;
  return { estimate: matchedDifference(matches), low: quantile(stats, alpha), high: quantile(stats, 1 - alpha) };
}

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
