/**
 * A small seeded PRNG (mulberry32). Faker per row is far too slow for a million rows, so the
 * generator draws from precomputed pools with this instead; the same seed gives the same file.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Picks by cumulative weights (from `cumulative`). */
  weighted<T>(items: readonly T[], cumulativeWeights: readonly number[]): T {
    const r = this.next() * cumulativeWeights[cumulativeWeights.length - 1]!;
    let i = 0;
    while (cumulativeWeights[i]! <= r) i++;
    return items[i]!;
  }
}

/** Running totals of weights, for `Prng.weighted`. */
export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A stable 32-bit hash of a string (FNV-1a), for seeding per-area choices. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
