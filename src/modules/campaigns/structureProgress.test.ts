import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { meets, percentOf, progressOf } from './structureProgress.ts';
import { structureTestTallies } from './structureTestSchema.ts';
import { buildCampaignWorld, campaignBody, type CampaignWorld } from './testing/campaignWorld.ts';

const PEOPLE = 6;

describe('structure test progress', () => {
  it('rounds percentages down and meets the threshold exactly', () => {
    expect(percentOf(50, 70)).toBe(71);
    expect(percentOf(2, 3)).toBe(66);
    expect(meets(2, 3, 66)).toBe(true);
    expect(meets(2, 3, 67)).toBe(false);
    expect(progressOf([], 50).goPublic).toBe(false);
    fc.assert(fc.property(fc.array(fc.record({ size: fc.integer({ min: 1, max: 200 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 8 }), fc.integer({ min: 1, max: 100 }), (segs, threshold) => {
      const segments = segs.map((s, i) => ({ id: String(i), name: `S${i}`, size: s.size, counted: Math.floor(s.share * s.size) }));
      const p = progressOf(segments, threshold);
      expect(p.overall.counted).toBe(segments.reduce((n, s) => n + s.counted, 0));
      expect(p.goPublic).toBe(segments.length > 0 && segments.every((s) => s.counted / s.size >= threshold / 100 - 1e-12));
      for (const s of p.segments) expect(s.percent).toBeLessThanOrEqual((s.counted / s.size) * 100);
    }));
  });
});

/**
 * Random sequences of counts and uncounts through the API: per-segment and overall progress
 * always equal the tally rows, and goPublic follows the rule (every segment at the threshold).
 */
describe('structure test progress against the tally rows (PGlite)', () => {
  let t: TestApp;
  let w: CampaignWorld;
  let campaignId: string;
  const people: string[] = [];

  beforeAll(async () => {
    t = await createTestApp('pglite');
    w = await buildCampaignWorld(t);
    const res = await t.request({ method: 'POST', url: '/api/campaigns', token: w.b1Organiser.token, payload: campaignBody(w.b1.id) });
    campaignId = res.json().id;
    for (let i = 0; i < PEOPLE; i++) people.push((await buildPerson(t.ctx.db, w.b1, { firstName: `Prop${i}`, lastName: 'Tally' })).id);
  });
  afterAll(() => t.close());

  const op = fc.oneof(
    fc.record({ type: fc.constant('count' as const), p: fc.nat(PEOPLE - 1), s: fc.nat(2), by: fc.constantFrom('organiser', 'volunteer') }),
    fc.record({ type: fc.constant('uncount' as const), p: fc.nat(PEOPLE - 1) }),
  );

  it('matches the tallies after every step', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 100 }), fc.array(op, { maxLength: 12 }), async (sizes, threshold, ops) => {
      const token = w.b1Organiser.token;
      const base = `/api/campaigns/${campaignId}/structure-tests`;
      const st = (await t.request({ method: 'POST', url: base, token, payload: { title: 'Prop', countsWhat: 'signed', thresholdPct: threshold, segments: sizes.map((size, i) => ({ name: `Block ${i}`, size })) } })).json();
      const url = `${base}/${st.id}`;
      await t.request({ method: 'PATCH', url, token, payload: { status: 'running' } });
      const model = new Map<number, number>();
      for (const o of ops) {
        if (o.type === 'count') {
          const res = await t.request({ method: 'POST', url: `${url}/counts`, token: o.by === 'organiser' ? token : w.b1Volunteer.token, payload: { personId: people[o.p], segmentId: st.segments[o.s].id } });
          const inSeg = [...model.values()].filter((s) => s === o.s).length;
          const expected = model.has(o.p) ? 409 : inSeg >= sizes[o.s]! ? 422 : 201;
          expect(res.statusCode, res.body).toBe(expected);
          if (expected === 201) model.set(o.p, o.s);
        } else {
          const res = await t.request({ method: 'DELETE', url: `${url}/counts/${people[o.p]}`, token });
          expect(res.statusCode).toBe(model.has(o.p) ? 200 : 404);
          model.delete(o.p);
        }
        const view = (await t.request({ method: 'GET', url, token })).json();
        const rows = await t.ctx.db.select({ segmentId: structureTestTallies.segmentId, n: sql<number>`count(*)::int` }).from(structureTestTallies)
          .where(eq(structureTestTallies.testId, st.id)).groupBy(structureTestTallies.segmentId);
        const bySeg = new Map(rows.map((r) => [r.segmentId, r.n]));
        for (const s of view.segments) {
          expect(s.counted).toBe(bySeg.get(s.id) ?? 0);
          expect(s.meetsThreshold).toBe(s.counted * 100 >= threshold * s.size);
        }
        expect(view.overall.counted).toBe(rows.reduce((n, r) => n + r.n, 0));
        expect(view.overall.counted).toBe(model.size);
        expect(view.overall.size).toBe(sizes.reduce((a, b) => a + b, 0));
        expect(view.goPublic).toBe(view.segments.every((s: { counted: number; size: number }) => s.counted * 100 >= threshold * s.size));
        expect(view.volunteers.reduce((n: number, v: { counted: number }) => n + v.counted, 0)).toBe(model.size);
      }
    }), { numRuns: 15 });
  });
});
