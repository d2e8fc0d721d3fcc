import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildConversationWorld, geo, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { issues } from '../issues/schema.ts';
import { daysAgo, logConversation } from '../ladder/testing/ladderFixtures.ts';
import { refreshSalience } from './refreshSalience.ts';
import { salienceSettings } from './routes.ts';

describe.each(testDatabaseKinds)('issue salience on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let damp: string;
  let buses: string;
  let b1Organiser: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    const issueId = async (slug: string) => (await t.ctx.db.select().from(issues).where(and(eq(issues.orgId, w.orgA.id), eq(issues.slug, slug))))[0]!.id;
    damp = await issueId('damp-and-mould');
    buses = await issueId('buses');
    b1Organiser = (await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'organiser' }])).token;
    const inB1 = [];
    for (let i = 0; i < 7; i++) inB1.push(await buildPerson(t.ctx.db, w.b1, { firstName: `Town${i}`, wardCode: geo.armthorpe }));
    const inB2 = [];
    for (let i = 0; i < 2; i++) inB2.push(await buildPerson(t.ctx.db, w.b2, { firstName: `Outer${i}`, wardCode: geo.bessacarr }));
    // Seven people in B1 raise damp; three of them raise buses too; one raises damp twice.
    for (const [i, p] of inB1.entries()) {
      await logConversation(t, b1Organiser, { people: [p.id], issues: [{ issueId: damp }, ...(i < 3 ? [{ issueId: buses }] : [])] });
    }
    await logConversation(t, b1Organiser, { people: [inB1[0]!.id], issues: [{ issueId: damp }], occurredAt: daysAgo(3) });
    // Two people in B2 raise damp; one in B2 raised buses long ago (outside the default period).
    for (const p of inB2) await logConversation(t, w.accounts.vol2b.token, { people: [p.id], issues: [{ issueId: damp }] });
    await logConversation(t, w.accounts.vol2b.token, { people: [inB2[0]!.id], issues: [{ issueId: buses }], occurredAt: daysAgo(200) });
    // The sibling party and the other organisation raise things that must never show.
    await logConversation(t, w.accounts.siblingOrganiser.token, { people: [w.people.siblingPerson.id], issues: [{ text: 'Siblingcanary issue' }] });
  });
  afterAll(() => t.close());

  const get = (url: string, token: string) => t.request({ method: 'GET', url, token });
  const ok = async (url: string, token: string) => {
    const res = await get(url, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const counts = (body: { issues: { issue: { id: string }; people: number | null; suppressed: boolean }[] }) =>
    Object.fromEntries(body.issues.map((i) => [i.issue.id === damp ? 'damp' : i.issue.id === buses ? 'buses' : i.issue.id, i.suppressed ? 'suppressed' : i.people]));

  it('counts distinct people per issue; inside the owning unit nothing is suppressed', async () => {
    const body = await ok(`/api/salience?unit=${w.b1.id}`, b1Organiser);
    expect(counts(body)).toEqual({ damp: 7, buses: 3 });
    expect(body.issues[0].issue).toMatchObject({ label: 'Damp and mould', categoryLabel: 'Housing', status: 'approved' });
    expect(body.totalPeople).toEqual({ people: 7, suppressed: false });
    expect(body.byWard).toMatchObject({ issueId: damp, wards: [{ wardCode: geo.armthorpe, wardName: 'Armthorpe', total: { people: 7 }, issue: { people: 7 }, topIssue: { issueId: damp, people: 7 } }] });
  });

  it('suppresses counts under five seen from above the owning unit, and never shows notes', async () => {
    for (const token of [w.accounts.organiser.token, w.accounts.rootAdmin.token]) {
      const res = await get(`/api/salience?unit=${w.c.id}`, token);
      const body = res.json();
      expect(counts(body)).toEqual({ damp: 9, buses: 'suppressed' });
      // Suppressed counts come last and say nothing by their order.
      expect(body.issues[1]).toEqual({ issue: expect.objectContaining({ id: buses }), people: null, suppressed: true });
      const wards = Object.fromEntries(body.byWard.wards.map((x: { wardCode: string }) => [x.wardCode, x]));
      expect(wards[geo.armthorpe]).toMatchObject({ total: { people: 7 }, issue: { people: 7 } });
      expect(wards[geo.bessacarr]).toMatchObject({ total: { people: null, suppressed: true }, issue: { people: null, suppressed: true }, topIssue: null });
      const trend = body.trend.series.find((s: { issueId: string }) => s.issueId === damp);
      expect(trend.points.every((p: { people: number | null; suppressed: boolean }) => (p.suppressed ? p.people === null : p.people === 0 || p.people! >= 5))).toBe(true);
      expect(res.body).not.toMatch(/Siblingcanary|rawText|selfInterest/);
    }
    // An organiser with a role on the branch itself and on the party: each record counts as inside where they hold the role.
    const both = (await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'organiser' }, { unitId: w.c.id, role: 'organiser' }])).token;
    expect(counts(await ok(`/api/salience?unit=${w.b1.id}`, both))).toEqual({ damp: 7, buses: 3 });
  });

  it('narrows by area, period and issue', async () => {
    const admin = w.accounts.rootAdmin.token;
    expect(counts(await ok(`/api/salience?area=${geo.bessacarr}`, admin))).toEqual({ damp: 'suppressed' });
    expect(counts(await ok(`/api/salience?area=${geo.doncasterCentral}&unit=${w.c.id}`, admin))).toEqual({ damp: 9, buses: 'suppressed' });
    const from = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    const year = await ok(`/api/salience?unit=${w.b2.id}&from=${from}`, w.accounts.organiser.token);
    expect(counts(year)).toEqual({ damp: 'suppressed', buses: 'suppressed' });
    const chosen = await ok(`/api/salience?unit=${w.b1.id}&issue=${buses}`, b1Organiser);
    expect(chosen.byWard.issueId).toBe(buses);
    expect(chosen.trend.series.map((s: { issueId: string }) => s.issueId)).toEqual([buses]);
    expect(chosen.trend.weeks.length).toBeGreaterThanOrEqual(13);
    expect(chosen.trend.series[0].points).toHaveLength(chosen.trend.weeks.length);
    expect(chosen.trend.series[0].points.reduce((n: number, p: { people: number }) => n + p.people, 0)).toBe(3);
  });

  it('refuses bad questions clearly and shows nothing outside my scope', async () => {
    const admin = w.accounts.rootAdmin.token;
    expect((await get('/api/salience?from=2025-03-01&to=2025-02-01', admin)).statusCode).toBe(422);
    expect((await get('/api/salience?from=2020-01-01&to=2025-01-01', admin)).statusCode).toBe(422);
    expect((await get('/api/salience?from=2025-02-30', admin)).statusCode).toBe(422);
    expect((await get('/api/salience?area=E05999998', admin)).statusCode).toBe(422);
    expect((await get(`/api/salience?issue=${crypto.randomUUID()}`, admin)).statusCode).toBe(422);
    expect((await get('/api/salience?source=surveys', admin)).statusCode).toBe(422);
    expect((await get('/api/salience', w.accounts.vol1.token)).statusCode).toBe(403);
    expect((await get(`/api/salience?unit=${w.b1.id}`, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    const sibling = await ok('/api/salience', w.accounts.siblingOrganiser.token);
    expect(Object.values(counts(sibling))).toEqual([1]);
    const outside = await ok(`/api/salience?unit=${w.b1.id}`, w.accounts.siblingOrganiser.token);
    expect(outside.issues).toEqual([]);
  });

  it('answers large scopes from the precomputed figures with the same counts as counting live', async () => {
    const minUnits = salienceSettings.summaryMinUnits;
    salienceSettings.summaryMinUnits = 1;
    try {
      await refreshSalience(t.ctx.db, w.orgA.id);
      const cases: [string, string][] = [
        [`/api/salience?unit=${w.c.id}`, w.accounts.organiser.token],
        [`/api/salience?unit=${w.b1.id}`, b1Organiser],
        ['/api/salience', w.accounts.rootAdmin.token],
        [`/api/salience?area=${geo.bessacarr}`, w.accounts.rootAdmin.token],
        [`/api/salience?unit=${w.c.id}&issue=${buses}`, w.accounts.rootAdmin.token],
        [`/api/salience?from=${new Date(Date.now() - 364 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' })}`, w.accounts.rootAdmin.token],
      ];
      for (const [url, token] of cases) {
        const summary = await ok(url, token);
        expect(summary.summary, url).toMatchObject({ asOf: expect.any(String), refreshedAt: expect.any(String) });
        const live = await ok(`${url}${url.includes('?') ? '&' : '?'}live=true`, token);
        expect(live.summary).toBeNull();
        expect({ ...summary, summary: null }, url).toEqual(live);
      }
      // A custom period, or figures from another day, are counted live.
      expect((await ok('/api/salience?from=2025-01-01&to=2025-03-01', w.accounts.rootAdmin.token)).summary).toBeNull();
      await t.ctx.db.execute(sql`update salience_refreshes set as_of = as_of - 1`);
      expect((await ok('/api/salience', w.accounts.rootAdmin.token)).summary).toBeNull();
    } finally {
      salienceSettings.summaryMinUnits = minUnits;
    }
  });
});
