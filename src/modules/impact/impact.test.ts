import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { roleGrants } from '../accounts/schema.ts';
import { areas, wardConstituencies } from '../areas/schema.ts';
import { conversations } from '../conversations/schema.ts';
import { events } from '../events/schema.ts';
import { importResults } from '../elections/importResults.ts';
import { loadElectionAreas, resultsFileContent } from '../elections/testing.ts';

type Row = Record<string, string>;
const raw = (y: string) => parse(resultsFileContent(y), { columns: true, bom: true }) as Row[];
const r17 = new Map(raw('2017').map((r) => [r['ONS ID']!, r]));
const r19 = new Map(raw('2019').map((r) => [r['ONS ID']!, r]));
const share = (r: Row, p: string) => (Number(r[p]) / Number(r['Valid votes'])) * 100;
const majority = (r: Row) => (Number(r['Majority']) / Number(r['Valid votes'])) * 100;
const codeOf = (name: string) => raw('2019').find((r) => r['Constituency name'] === name)!['ONS ID']!;
const yorkshire = raw('2019').filter((r) => r['Region name'] === 'Yorkshire and The Humber').map((r) => r['ONS ID']!);
const ORGANISED = [...yorkshire.slice(0, 12), codeOf('Belfast East'), codeOf('Cardiff North')];

describe.each(testDatabaseKinds)('impact evaluation on %s', (kind) => {
  let t: TestApp;
  let token: string;
  let otherToken: string;
  let doncaster24: string;
  const evaluate = (body: Record<string, unknown>, as = token) => t.request({ method: 'POST', url: '/api/impact/evaluations', token: as, payload: body });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadElectionAreas(t.ctx.db);
    const files = ['2017', '2019', '2024'].map((y) => ({ fileName: `HoC-GE${y}-results-by-constituency.csv`, content: resultsFileContent(y) }));
    await importResults(t.ctx.db, files, { actorAccountId: null });
    // A later election on the same boundaries (the 2019 figures again), so organising recorded today falls before it.
    await importResults(t.ctx.db, [{ fileName: 'next.csv', content: resultsFileContent('2019').replace(/\r\n/g, '\n') }], { election: 'next', heldOn: '2099-01-01', actorAccountId: null });

    const { root } = await buildOrg(t.ctx.db);
    token = (await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }])).token;
    // Organising in our records: an organiser on a unit covering a 2010 seat, people recorded in another, a ward-level branch in a 2024 seat.
    const hallam = await buildUnit(t.ctx.db, root.id, { kind: 'constituency', areaCodes: [codeOf('Sheffield, Hallam')] });
    const organiser = await buildAccount(t.ctx, [{ unitId: hallam.id, role: 'organiser' }]);
    void organiser;
    const leeds = await buildUnit(t.ctx.db, root.id, { kind: 'constituency', areaCodes: [codeOf('Leeds North West')] });
    for (let i = 0; i < 3; i++) await buildPerson(t.ctx.db, leeds, { constituencyCode: codeOf('Leeds North West') });
    // Conversations count where they happened ("spoke"); a knock with nobody home does not.
    const spoken = await buildPerson(t.ctx.db, leeds, { constituencyCode: codeOf('Leeds North West') });
    await t.ctx.db.insert(conversations).values([
      { orgId: leeds.orgId, unitId: leeds.id, personId: spoken.id, kind: 'one_to_one', outcome: 'spoke', occurredAt: new Date() },
      { orgId: leeds.orgId, unitId: leeds.id, personId: spoken.id, kind: 'doorstep', outcome: 'not_home', occurredAt: new Date() },
    ]);
    // Events count where they were held, once they have started; cancelled and online-only ones do not.
    const day = 86_400_000;
    const event = (unit: { id: string; orgId: string }, code: string | null, startsIn: number, extra: Partial<typeof events.$inferInsert> = {}) => ({
      orgId: unit.orgId, unitId: unit.id, kind: 'action' as const, title: 'Estate action', mode: code ? 'in_person' as const : 'online' as const, constituencyCode: code,
      startsAt: new Date(Date.now() + startsIn * day), endsAt: new Date(Date.now() + startsIn * day + 3_600_000), visibility: 'unit' as const, privacyNoticeVersion: 'v1', ...extra,
    });
    await t.ctx.db.insert(events).values([
      event(leeds, codeOf('Leeds North West'), -3),
      event(leeds, codeOf('Leeds North West'), -2, { kind: 'house_meeting' }),
      event(leeds, codeOf('Leeds North West'), -1, { status: 'cancelled' }),
      event(leeds, codeOf('Leeds North West'), 5),
      event(leeds, null, -1),
    ]);
    doncaster24 = (await t.ctx.db.select().from(areas)).find((a) => a.name === 'Doncaster Central' && a.boundarySets.includes('2024'))!.code;
    await t.ctx.db.insert(areas).values({ code: 'E05999991', kind: 'ward', name: 'Test Ward', parentCode: doncaster24 });
    await t.ctx.db.insert(wardConstituencies).values({ wardCode: 'E05999991', constituencyCode: doncaster24 });
    await buildUnit(t.ctx.db, root.id, { kind: 'branch', areaCodes: ['E05999991'] });

    // Another organisation organising in York: never counted for us.
    const other = await buildOrg(t.ctx.db);
    otherToken = (await buildAccount(t.ctx, [{ unitId: other.root.id, role: 'national_admin' }])).token;
    const york = await buildUnit(t.ctx.db, other.root.id, { kind: 'constituency', areaCodes: [codeOf('York Central')] });
    const theirPerson = await buildPerson(t.ctx.db, york, { constituencyCode: codeOf('York Central') });
    await t.ctx.db.insert(conversations).values({ orgId: york.orgId, unitId: york.id, personId: theirPerson.id, kind: 'one_to_one', outcome: 'spoke', occurredAt: new Date() });
    await t.ctx.db.insert(events).values({
      orgId: york.orgId, unitId: york.id, kind: 'assembly', title: 'York assembly', mode: 'in_person', constituencyCode: codeOf('York Central'),
      startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 82_800_000), visibility: 'public', privacyNoticeVersion: 'v1',
    });
    const otherOrganiser = await buildAccount(t.ctx, [{ unitId: york.id, role: 'organiser' }]);
    void otherOrganiser;
    expect(await t.ctx.db.select().from(roleGrants)).toHaveLength(4);
  });
  afterAll(() => t.close());

  it('compares organised seats with comparable seats in their region, with numbers that check out from the files', async () => {
    const res = await evaluate({ party: 'Lab', from: '2017', to: '2019', organised: ORGANISED, seed: 11 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.organised.seats + r.excluded.length).toBe(ORGANISED.length);
    expect(r.excluded.find((e: { code: string }) => e.code === codeOf('Belfast East')).reason).toContain('did not stand');
    const organised = r.seats.filter((s: { organised: boolean }) => s.organised);
    const comparators = r.seats.filter((s: { organised: boolean }) => !s.organised);
    expect(comparators).toHaveLength(r.comparison.seats);
    const change = (code: string) => share(r19.get(code)!, 'Lab') - share(r17.get(code)!, 'Lab');
    let total = 0;
    for (const s of organised) {
      expect(s.changePts).toBeCloseTo(change(s.code), 3);
      const mine = r17.get(s.code)!;
      for (const c of s.matchedWith) {
        const theirs = r17.get(c)!;
        expect(ORGANISED).not.toContain(c);
        expect(theirs['Region name']).toBe(mine['Region name']);
        expect(Math.hypot(share(theirs, 'Lab') - share(mine, 'Lab'), majority(theirs) - majority(mine))).toBeLessThanOrEqual(10);
      }
      total += change(s.code) - s.matchedWith.reduce((a: number, c: string) => a + change(c), 0) / s.matchedWith.length;
    }
    expect(r.difference.pts).toBeCloseTo(total / organised.length, 3);
    expect(r.difference.pts).toBeCloseTo(r.organised.meanChangePts - r.comparison.meanChangePts, 3);
    expect(r.difference.lowPts).toBeLessThanOrEqual(r.difference.pts);
    expect(r.difference.highPts).toBeGreaterThanOrEqual(r.difference.pts);
    expect(r.method).toMatchObject({ resamples: 10000, seed: 11, k: 3, caliperPts: 10 });
    expect(r.statement).toContain(`in the ${r.organised.seats} seats where we organised`);
    expect(r.statement).toContain('not proof that organising caused the difference');
    expect(r.caveats.join(' ')).toContain('not chosen at random');
    expect(r.attribution).toContain('Open Parliament Licence v3.0');
  });

  it('gives the same answer for the same seed and a different interval for another', async () => {
    const body = { party: 'lab', from: '2017', to: '2019', organised: ORGANISED, resamples: 2000 };
    const a = (await evaluate({ ...body, seed: 5 })).json();
    expect((await evaluate({ ...body, seed: 5 })).json()).toEqual(a);
    const b = (await evaluate({ ...body, seed: 6 })).json();
    expect(b.difference.pts).toBe(a.difference.pts);
    expect([b.difference.lowPts, b.difference.highPts]).not.toEqual([a.difference.lowPts, a.difference.highPts]);
  });

  it('reads a list of organised seats from a file and limits to a region', async () => {
    const list = `ONS ID,Constituency name\n${ORGANISED.map((c) => `${c},x`).join('\n')}\n`;
    const r = (await evaluate({ party: 'Con', from: '2017', to: '2019', organisedList: list, region: 'Yorkshire and The Humber' })).json();
    expect(r.area.name).toBe('Yorkshire and The Humber');
    expect(r.seats.every((s: { regionName: string }) => s.regionName === 'Yorkshire and The Humber')).toBe(true);
    expect(r.excluded.find((e: { code: string }) => e.code === codeOf('Cardiff North')).reason).toContain('outside Yorkshire');
    expect(r.regional.regions).toEqual(['Yorkshire and The Humber']);
  });

  it('refuses bad requests clearly', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ party: 'Lab', from: '2019', to: '2024', organised: ORGANISED }, 'boundary change'],
      [{ party: 'Whig', from: '2017', to: '2019', organised: ORGANISED }, 'Party "Whig" is not in'],
      [{ party: 'Lab', from: '2017', to: '2019', organised: ['E14099999'] }, 'Not constituencies of election "2019"'],
      [{ party: 'Lab', from: '2017', to: '2019' }, 'exactly one'],
      [{ party: 'Lab', from: '2017', to: '2019', organised: ORGANISED, activitySince: '2018-01-01' }, 'exactly one'],
      [{ party: 'Lab', from: '2017', to: '2019', organisedList: 'E14000001\nnot a code\n' }, 'not ONS constituency codes'],
      [{ party: 'Lab', from: '2017', to: '2019', activitySince: '2018-01-01' }, 'No seat counts as organised'],
    ];
    for (const [body, message] of cases) {
      const res = await evaluate(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.message).toContain(message);
    }
  });

  it('counts organising from our own records only, and evaluates with it', async () => {
    const org = (await t.request({ method: 'GET', url: '/api/impact/organising?election=next', token })).json();
    const byName = new Map(org.items.map((i: { name: string }) => [i.name, i]));
    expect(byName.get('Sheffield, Hallam')).toMatchObject({ counts: { units: 1, organisers: 1, people: 0, conversations: 0, events: 0 }, organised: true });
    expect(byName.get('Leeds North West')).toMatchObject({ counts: { units: 1, organisers: 0, people: 4, conversations: 1, events: 2 }, organised: true });
    expect(byName.has('York Central')).toBe(false);
    expect(org.sources.find((s: { key: string }) => s.key === 'events').available).toBe(true);
    // A date range that ends before the events leaves them out.
    const before = (await t.request({ method: 'GET', url: `/api/impact/organising?election=next&until=${new Date(Date.now() - 4 * 86_400_000).toISOString().slice(0, 10)}`, token })).json();
    expect(before.items.find((i: { name: string }) => i.name === 'Leeds North West')?.counts.events ?? 0).toBe(0);
    const theirs = (await t.request({ method: 'GET', url: '/api/impact/organising?election=next', token: otherToken })).json();
    expect(theirs.items.map((i: { name: string }) => i.name)).toEqual(['York Central']);
    expect(theirs.items[0].counts).toMatchObject({ people: 1, conversations: 1, events: 1 });
    // Ward-level branches place organising in the 2024 seat the ward belongs to.
    const now = (await t.request({ method: 'GET', url: '/api/impact/organising?election=2024', token })).json();
    expect(now.items.find((i: { code: string }) => i.code === doncaster24)).toMatchObject({ counts: { units: 1 }, organised: false });

    const r = (await evaluate({ party: 'Lab', from: '2019', to: 'next', activitySince: '2020-01-01' })).json();
    expect(r.source.kind).toBe('records');
    expect(r.seats.filter((s: { organised: boolean }) => s.organised).map((s: { name: string }) => s.name).sort()).toEqual(['Leeds North West', 'Sheffield, Hallam']);
    expect(r.difference).toEqual({ pts: 0, lowPts: 0, highPts: 0 });
    expect(r.caveats.join(' ')).not.toContain('not recorded in Tredegar yet');
  });
});
