import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { people } from '../people/schema.ts';
import { structureTestSegments, structureTests, structureTestTallies } from './structureTestSchema.ts';
import { buildCampaignWorld, campaignBody, type CampaignWorld } from './testing/campaignWorld.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(testDatabaseKinds)('structure tests on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  let campaignId: string;
  const extra: string[] = [];

  const req = (method: Method, url: string, token: string, payload?: Record<string, unknown>) => t.request({ method, url, token, ...(payload ? { payload } : {}) });
  const ok = async (method: Method, url: string, token: string, payload?: Record<string, unknown>) => {
    const res = await req(method, url, token, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const detailPaths = (res: { json(): { error: { details?: { path: string }[] } } }) => (res.json().error.details ?? []).map((d) => d.path).join(' ');
  const tests = () => `/api/campaigns/${campaignId}/structure-tests`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
    campaignId = (await ok('POST', '/api/campaigns', w.b1Organiser.token, campaignBody(w.b1.id))).id;
    for (let i = 0; i < 3; i++) extra.push((await buildPerson(t.ctx.db, w.b1, { firstName: `Tenant${i}`, lastName: 'Chapelcourt' })).id);
  });
  afterAll(() => t.close());

  it('runs a test from draft to public: segments, counts by volunteers against the quota, progress per segment and overall, the threshold rule', async () => {
    const created = await req('POST', tests(), w.b1Organiser.token, {
      title: 'Chapel Court repairs petition', countsWhat: 'signed the petition', thresholdPct: 60, quota: 2, segments: [{ name: 'Block A', size: 2 }, { name: 'Block B', size: 3 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const st = created.json();
    expect(st).toMatchObject({
      status: 'draft', thresholdPct: 60, quota: 2, goPublic: false, canManage: true, canCount: false, segmentCount: 2,
      overall: { counted: 0, size: 5, percent: 0, meetsThreshold: false },
      segments: [{ name: 'Block A', size: 2, counted: 0, percent: 0 }, { name: 'Block B', size: 3, counted: 0 }],
    });
    const [a, b] = st.segments as { id: string }[];
    const url = `${tests()}/${st.id}`;
    const [createAudit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'structure_test.create'), eq(auditEvents.entityId, st.id)));
    expect(createAudit!.changes).toEqual({ campaignId, segments: 2, universe: 5, thresholdPct: 60, quota: 2 });

    // Counting waits until the test runs.
    expect((await req('POST', `${url}/counts`, w.b1Organiser.token, { personId: w.tenant.id, segmentId: a!.id })).statusCode).toBe(409);
    expect((await ok('PATCH', url, w.b1Organiser.token, { status: 'running' })).canCount).toBe(true);

    // The volunteer collects; the organiser too.
    await ok('POST', `${url}/counts`, w.b1Volunteer.token, { personId: w.tenant.id, segmentId: a!.id });
    await ok('POST', `${url}/counts`, w.b1Volunteer.token, { personId: w.neighbour.id, segmentId: b!.id });
    let now = await ok('POST', `${url}/counts`, w.b1Organiser.token, { personId: extra[0], segmentId: a!.id });
    expect(now.segments).toMatchObject([{ name: 'Block A', counted: 2, size: 2, percent: 100, meetsThreshold: true }, { name: 'Block B', counted: 1, size: 3, percent: 33, meetsThreshold: false }]);
    expect(now.overall).toEqual({ counted: 3, size: 5, percent: 60, meetsThreshold: true });
    // Overall meets 60%, but Block B does not: the rule is per segment.
    expect(now.goPublic).toBe(false);
    expect(now.volunteers).toEqual([
      { accountId: w.b1Volunteer.id, name: expect.any(String), counted: 2, quota: 2, percent: 100, metQuota: true },
      { accountId: w.b1Organiser.id, name: expect.any(String), counted: 1, quota: 2, percent: 50, metQuota: false },
    ]);
    const [countAudit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'structure_test.count'), eq(auditEvents.entityId, w.tenant.id)));
    expect(countAudit).toMatchObject({ entityType: 'person', actorAccountId: w.b1Volunteer.id, changes: { campaignId, testId: st.id, segmentId: a!.id, counted: 1 } });

    // A person counts once per test; a full segment takes no more.
    expect((await req('POST', `${url}/counts`, w.b1Organiser.token, { personId: w.tenant.id, segmentId: b!.id })).statusCode).toBe(409);
    const full = await req('POST', `${url}/counts`, w.b1Organiser.token, { personId: extra[1], segmentId: a!.id });
    expect(full.statusCode).toBe(422);
    expect(full.json().error.message).toMatch(/Block A is full: 2 of 2/);
    // Nor can a segment shrink below its counts.
    const shrink = await req('PATCH', `${url}/segments/${a!.id}`, w.b1Organiser.token, { size: 1 });
    expect(shrink.statusCode).toBe(422);
    expect(detailPaths(shrink)).toBe('size');

    // Going public before the threshold needs a reason.
    const early = await req('PATCH', url, w.b1Organiser.token, { status: 'public' });
    expect(early.statusCode).toBe(422);
    expect(detailPaths(early)).toBe('overrideReason');
    expect(early.json().error.message).toMatch(/1 of 2 segments are below 60%/);
    expect((await ok('GET', url, w.b1Organiser.token)).status).toBe('running');

    // One more in Block B meets the threshold everywhere.
    now = await ok('POST', `${url}/counts`, w.b1Organiser.token, { personId: extra[1], segmentId: b!.id });
    expect(now.segments[1]).toMatchObject({ counted: 2, percent: 66, meetsThreshold: true });
    expect(now.goPublic).toBe(true);
    expect((await ok('GET', tests(), w.b1Volunteer.token)).items[0]).toMatchObject({ id: st.id, goPublic: true, segmentsMeeting: 2, segmentCount: 2 });
    const pub = await ok('PATCH', url, w.b1Organiser.token, { status: 'public' });
    expect(pub).toMatchObject({ status: 'public', publicOverrideReason: null });

    // A volunteer takes back their own count, not someone else's; the organiser may take any back.
    expect((await req('DELETE', `${url}/counts/${extra[1]}`, w.b1Volunteer.token)).statusCode).toBe(403);
    now = await ok('DELETE', `${url}/counts/${w.neighbour.id}`, w.b1Volunteer.token);
    expect(now.overall.counted).toBe(3);
    expect(now.goPublic).toBe(false);
    expect((await req('DELETE', `${url}/counts/${w.neighbour.id}`, w.b1Volunteer.token)).statusCode).toBe(404);
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'structure_test.uncount'))).toBe(1);

    // Volunteers read and count, never run the test; members do not see it.
    expect((await req('PATCH', url, w.b1Volunteer.token, { title: 'x' })).statusCode).toBe(403);
    expect((await req('POST', `${url}/segments`, w.b1Volunteer.token, { name: 'Block Z', size: 4 })).statusCode).toBe(403);
    expect((await req('GET', url, w.b1Member.token)).statusCode).toBe(404);
    // The DPO reads but does not count (no people.update).
    expect((await req('POST', `${url}/counts`, w.accounts.dpo.token, { personId: w.neighbour.id, segmentId: b!.id })).statusCode).toBe(403);
  });

  it('goes public early only with an override reason, kept and audited', async () => {
    const st = await ok('POST', tests(), w.b1Organiser.token, { title: 'Early', countsWhat: 'signed', thresholdPct: 100, segments: [{ name: 'Despatch', size: 40 }] });
    const url = `${tests()}/${st.id}`;
    expect(detailPaths(await req('PATCH', url, w.b1Organiser.token, { title: 'x', overrideReason: 'why' }))).toBe('overrideReason');
    const pub = await ok('PATCH', url, w.b1Organiser.token, { status: 'public', overrideReason: 'The employer announced cuts: we go now.' });
    expect(pub).toMatchObject({ status: 'public', goPublic: false, publicOverrideReason: 'The employer announced cuts: we go now.' });
    const [row] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'structure_test.update'), eq(auditEvents.entityId, st.id)));
    expect(row!.changes).toEqual({ campaignId, fields: ['publicOverrideReason', 'status'], status: ['draft', 'public'], override: true });
    expect(JSON.stringify(row!.changes)).not.toContain('cuts');
  });

  it('generates segments from the postcodes of the campaign’s people, sized by the people in each, and never from people out of reach', async () => {
    await t.ctx.db.update(people).set({ postcode: 'ZZ1 1AA' }).where(inArray(people.id, [w.tenant.id, w.neighbour.id, w.people.siblingPerson.id, w.people.otherPerson.id, w.people.p3.id]));
    await t.ctx.db.update(people).set({ postcode: ' zz1 1ab ' }).where(eq(people.id, extra[2]!));
    const st = await ok('POST', tests(), w.b1Organiser.token, { title: 'By postcode', countsWhat: 'signed', thresholdPct: 50, segments: [{ name: 'ZZ1 1AB', size: 7 }] });
    const url = `${tests()}/${st.id}`;
    const res = await req('POST', `${url}/segments/generate`, w.b1Organiser.token, { by: 'postcode' });
    expect(res.statusCode, res.body).toBe(201);
    const segs = (res.json().segments as { name: string; size: number }[]).filter((g) => g.name.startsWith('ZZ1'));
    // The tenant and neighbour of B1 only; ZZ1 1AB was already a segment and keeps its size.
    expect(segs).toEqual([expect.objectContaining({ name: 'ZZ1 1AA', size: 2 }), expect.objectContaining({ name: 'ZZ1 1AB', size: 7 })]);
    const [row] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'structure_test.segments_generate'), eq(auditEvents.entityId, st.id)));
    expect(row!.changes).toMatchObject({ campaignId, by: 'postcode' });
    // Nothing more to add is a clear 422; a field that is not offered is refused.
    const again = await req('POST', `${url}/segments/generate`, w.b1Organiser.token, { by: 'postcode' });
    expect(again.statusCode).toBe(422);
    expect(detailPaths(again)).toBe('by');
    expect(detailPaths(await req('POST', `${url}/segments/generate`, w.b1Organiser.token, { by: 'first_name' }))).toBe('body.by');
    expect((await req('POST', `${url}/segments/generate`, w.b1Volunteer.token, { by: 'postcode' })).statusCode).toBe(403);
  });

  it('refuses bad input with clear 4xx answers, writing nothing', async () => {
    const before = [await t.ctx.db.$count(structureTests), await t.ctx.db.$count(structureTestSegments), await t.ctx.db.$count(structureTestTallies)];
    const base = { title: 'Bad', countsWhat: 'signed' , thresholdPct: 50 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, thresholdPct: 0 }, 'body.thresholdPct'],
      [{ ...base, thresholdPct: 101 }, 'body.thresholdPct'],
      [{ ...base, thresholdPct: 50.5 }, 'body.thresholdPct'],
      [{ ...base, quota: 0 }, 'body.quota'],
      [{ ...base, countsWhat: ' ' }, 'body.countsWhat'],
      [{ ...base, segments: [{ name: 'Block C', size: 0 }] }, 'body.segments.0.size'],
      [{ ...base, segments: [{ name: '', size: 3 }] }, 'body.segments.0.name'],
      [{ ...base, segments: [{ name: 'Block C', size: 3 }, { name: 'block c', size: 4 }] }, 'segments'],
      [{ ...base, surprise: 1 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await req('POST', tests(), w.b1Organiser.token, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(422);
      expect(detailPaths(res), res.body).toContain(path);
    }
    expect([await t.ctx.db.$count(structureTests), await t.ctx.db.$count(structureTestSegments), await t.ctx.db.$count(structureTestTallies)]).toEqual(before);

    // An empty universe cannot run or go public.
    const empty = await ok('POST', tests(), w.b1Organiser.token, base);
    const url = `${tests()}/${empty.id}`;
    for (const body of [{ status: 'running' }, { status: 'public', overrideReason: 'Now' }]) {
      const res = await req('PATCH', url, w.b1Organiser.token, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(/no universe yet/);
      expect(detailPaths(res)).toBe('status');
    }
    expect((await ok('GET', url, w.b1Organiser.token)).status).toBe('draft');
    // Segments: names once, sizes at least 1.
    const withA = await ok('POST', `${url}/segments`, w.b1Organiser.token, { name: 'Block A', size: 3 });
    expect(detailPaths(await req('POST', `${url}/segments`, w.b1Organiser.token, { name: 'block a', size: 3 }))).toBe('name');
    expect(detailPaths(await req('POST', `${url}/segments`, w.b1Organiser.token, { name: 'Block B', size: 0 }))).toBe('body.size');
    expect(detailPaths(await req('PATCH', `${url}/segments/${withA.segments[0].id}`, w.b1Organiser.token, { size: -1 }))).toBe('body.size');
    expect((await req('PATCH', `${url}/segments/${crypto.randomUUID()}`, w.b1Organiser.token, { size: 4 })).statusCode).toBe(404);
    await ok('PATCH', url, w.b1Organiser.token, { status: 'running' });
    // Counts: people out of reach and segments of another test are refused together.
    const other = await ok('POST', tests(), w.b1Organiser.token, { ...base, segments: [{ name: 'Elsewhere', size: 5 }] });
    for (const personId of [w.people.siblingPerson.id, w.people.otherPerson.id, w.people.p3.id, crypto.randomUUID()]) {
      const res = await req('POST', `${url}/counts`, w.b1Organiser.token, { personId, segmentId: other.segments[0].id });
      expect(res.statusCode).toBe(422);
      expect(detailPaths(res).split(' ').sort()).toEqual(['personId', 'segmentId']);
      expect(res.body).not.toMatch(/Quillon|Zephyrine|Carys/);
    }
    expect((await req('POST', `${url}/counts`, w.b1Organiser.token, { personId: 'nope', segmentId: withA.segments[0].id })).statusCode).toBe(422);
    expect(await t.ctx.db.$count(structureTestTallies, eq(structureTestTallies.testId, empty.id))).toBe(0);
    expect((await req('GET', `${tests()}/${crypto.randomUUID()}`, w.b1Organiser.token)).statusCode).toBe(404);
  });
});

/** Structure tests of campaigns in a sibling branch and another organisation never reach B1 or party C, and no write lands on them. */
describe.each(testDatabaseKinds)('structure test scope on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  const planted: { campaign: string; test: string; segment: string; person: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
    const plant = async (token: string, unitId: string, personId: string) => {
      const send = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => {
        const res = await t.request({ method, url, token, payload });
        if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const c = await send('POST', '/api/campaigns', campaignBody(unitId, { title: 'Canarycampaign', areaCodes: [] }));
      const st = await send('POST', `/api/campaigns/${c.id}/structure-tests`, { title: 'Canarytest', countsWhat: 'Canarysigned', thresholdPct: 50, segments: [{ name: 'Canaryblock', size: 9 }] });
      await send('PATCH', `/api/campaigns/${c.id}/structure-tests/${st.id}`, { status: 'running' });
      await send('POST', `/api/campaigns/${c.id}/structure-tests/${st.id}/counts`, { personId, segmentId: st.segments[0].id });
      planted.push({ campaign: c.id, test: st.id, segment: st.segments[0].id, person: personId });
    };
    await plant(w.accounts.siblingOrganiser.token, w.sibling.id, w.people.siblingPerson.id);
    await plant(w.accounts.orgBAdmin.token, w.otherBranch.id, w.people.otherPerson.id);
  });
  afterAll(() => t.close());

  it('keeps them out of every read and every write', async () => {
    const canaries = ['Canary', 'Quillon', 'Siblingcanary', 'Zephyrine', 'Orgcanary'];
    const viewers = [w.b1Organiser.token, w.b1Volunteer.token, w.b1Admin.token, w.accounts.organiser.token, w.accounts.unit_admin.token, w.accounts.dpo.token, w.accounts.national_admin.token];
    for (const token of viewers) {
      for (const p of planted) {
        const base = `/api/campaigns/${p.campaign}/structure-tests`;
        for (const url of [base, `${base}/${p.test}`]) {
          const res = await t.request({ method: 'GET', url, token });
          expect(res.statusCode, url).toBe(404);
          expect(canaries.filter((c) => res.body.includes(c))).toEqual([]);
        }
        const writes: [Method, string, Record<string, unknown> | undefined][] = [
          ['POST', base, { title: 'Taken over', countsWhat: 'x', thresholdPct: 50 }],
          ['PATCH', `${base}/${p.test}`, { status: 'closed' }],
          ['POST', `${base}/${p.test}/segments`, { name: 'Taken', size: 3 }],
          ['PATCH', `${base}/${p.test}/segments/${p.segment}`, { size: 100 }],
          ['DELETE', `${base}/${p.test}/segments/${p.segment}`, undefined],
          ['POST', `${base}/${p.test}/counts`, { personId: w.tenant.id, segmentId: p.segment }],
          ['DELETE', `${base}/${p.test}/counts/${p.person}`, undefined],
        ];
        for (const [method, url, payload] of writes) {
          const res = await t.request({ method, url, token, ...(payload ? { payload } : {}) });
          expect(res.statusCode, `${method} ${url}`).toBe(404);
        }
      }
    }
    const sib = await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}/structure-tests/${planted[0]!.test}`, token: w.accounts.siblingOrganiser.token });
    expect(sib.json()).toMatchObject({ title: 'Canarytest', status: 'running', overall: { counted: 1, size: 9 }, segments: [{ name: 'Canaryblock', size: 9, counted: 1 }] });
    const cross = await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}/structure-tests`, token: w.accounts.orgBAdmin.token });
    expect(cross.statusCode).toBe(404);
  });
});
