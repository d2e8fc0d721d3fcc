import fc from 'fast-check';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { DeniedBudget, OTHER_SOURCES } from './deniedBudget.ts';
import { DENIED_PER_MINUTE } from './registerDeniedAudit.ts';
import { auditEvents } from './schema.ts';

describe('the budget for recording refusals', () => {
  it('records at most the budget per source a minute and counts every other refusal exactly once', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }),
      fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), gap: fc.integer({ min: 0, max: 40_000 }) }), { maxLength: 300 }),
      (limit, maxSources, stream) => {
        let clock = 1_700_000_000_000;
        const budget = new DeniedBudget(limit, maxSources, () => clock);
        let recorded = 0;
        let counted = 0;
        const perMinute = new Map<string, number>();
        for (const { key, gap } of stream) {
          clock += gap;
          const { record, ended } = budget.take(key);
          counted += ended.reduce((s, e) => s + e.count, 0);
          if (record) {
            recorded += 1;
            const slot = `${Math.floor(clock / 60_000)} ${key}`;
            perMinute.set(slot, (perMinute.get(slot) ?? 0) + 1);
            expect(perMinute.get(slot)!).toBeLessThanOrEqual(limit);
          }
        }
        counted += budget.drain().reduce((s, e) => s + e.count, 0);
        // Nothing lost, nothing counted twice.
        expect(recorded + counted).toBe(stream.length);
      },
    ), { numRuns: 500 });
  });

  it('shares one count among sources beyond the tracked number, and says when a minute ended', () => {
    let clock = 0;
    const budget = new DeniedBudget(1, 2, () => clock);
    expect(['a', 'a', 'b', 'c', 'd'].map((k) => budget.take(k).record)).toEqual([true, false, true, false, false]);
    clock = 60_000;
    const { record, ended } = budget.take('c');
    expect(record).toBe(true);
    expect(ended).toEqual([
      { key: 'a', count: 1, from: new Date(0), to: new Date(60_000) },
      { key: OTHER_SOURCES, count: 2, from: new Date(0), to: new Date(60_000) },
    ]);
  });
});

describe.each(testDatabaseKinds)('a flood of refused requests on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Real rate limits: the budget scales with them, and tests otherwise raise them a thousandfold.
    t = await createTestApp(kind, { RATE_LIMIT_MULTIPLIER: '1' });
  });
  afterAll(() => t.database.close());

  it('writes one row per refusal up to the budget, then one row with the count', async () => {
    const flood = DENIED_PER_MINUTE * 2 + 7;
    for (let i = 0; i < flood; i++) {
      const res = await t.request({ method: 'GET', url: '/api/units', token: `tdg_${'x'.repeat(40)}${i}` });
      expect(res.statusCode).toBe(401);
    }
    const one = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.denied'));
    // A minute may end during the flood: then each minute has its own budget.
    expect(one.length).toBeGreaterThanOrEqual(DENIED_PER_MINUTE);
    expect(one.length).toBeLessThanOrEqual(DENIED_PER_MINUTE * 2);
    await t.app.close();
    const counts = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.denied_suppressed')).orderBy(desc(auditEvents.createdAt));
    expect(one.length + counts.reduce((s, r) => s + (r.changes as { count: number }).count, 0)).toBe(flood);
    expect(counts[0]!.changes).toMatchObject({ reason: 'token_invalid', source: (one[0]!.changes as { source: string }).source, count: expect.any(Number) });
  });
});
