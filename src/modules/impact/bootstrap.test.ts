import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, matchedDifference } from './bootstrap.ts';
import { matchSeats, type EvaluationSeat } from './matchSeats.ts';
import { seededRandom } from './random.ts';

const seat = (code: string, regionCode: string, priorSharePct: number, priorMajorityPct: number, changePts: number): EvaluationSeat => ({
  code, name: code, regionCode, priorSharePct, priorMajorityPct, changePts,
});

describe('seeded random numbers', () => {
  it('repeat exactly for a seed and differ between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('matching organised seats', () => {
  it('takes the nearest seats in the same region only, within the caliper', () => {
    const treated = [seat('T1', 'R1', 40, 10, -5)];
    const pool = [seat('A', 'R1', 41, 10, -8), seat('B', 'R1', 60, 30, -1), seat('C', 'R2', 40, 10, 0), seat('D', 'R1', 39, 12, -6), seat('E', 'R1', 45, 14, -7)];
    const { matched, unmatched } = matchSeats(treated, pool, { k: 2, caliperPts: 10 });
    expect(unmatched).toEqual([]);
    expect(matched[0]!.comparators.map((c) => c.code)).toEqual(['A', 'D']);
    expect(matchSeats([seat('T2', 'R3', 40, 10, 0)], pool, { k: 3, caliperPts: 10 }).unmatched.map((s) => s.code)).toEqual(['T2']);
  });
});

describe('the bootstrap interval', () => {
  const matches = Array.from({ length: 12 }, (_, i) => ({
    seat: seat(`T${i}`, 'R', 40, 10, -3 + (i % 4) * 0.5),
    comparators: [seat(`C${i}a`, 'R', 40, 10, -8 + (i % 3)), seat(`C${i}b`, 'R', 41, 11, -7 - (i % 2))],
  }));

  it('is reproducible with a seed and contains the estimate', () => {
    const a = bootstrapInterval(matches, 2000, 7);
    expect(bootstrapInterval(matches, 2000, 7)).toEqual(a);
    expect(bootstrapInterval(matches, 2000, 8)).not.toEqual(a);
    expect(a.estimate).toBeCloseTo(matchedDifference(matches), 10);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
  });

  it('recovers a known shift exactly when organised seats move by a constant against identical comparators', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.array(fc.double({ min: -15, max: 15, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.nat(1000), (shift, base, s) => {
        const ms = base.map((b, i) => ({ seat: seat(`T${i}`, 'R', 40, 10, b + shift), comparators: [seat(`C${i}`, 'R', 40, 10, b)] }));
        const r = bootstrapInterval(ms, 200, s);
        expect(r.estimate).toBeCloseTo(shift, 8);
        expect(r.low).toBeCloseTo(shift, 8);
        expect(r.high).toBeCloseTo(shift, 8);
      }),
      { numRuns: 50 },
    );
  });
});
