import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { electionResults, elections } from './schema.ts';
import { loadElectionAreas, resultsFileContent, YEARS } from './testing.ts';

// Independent folds over the raw files: these never call the code under test.
type Row = Record<string, string>;
const raw = Object.fromEntries(YEARS.map((y) => [y, parse(resultsFileContent(y), { columns: true, bom: true }) as Row[]])) as Record<string, Row[]>;
const partyColumns = (y: string) => {
  const h = Object.keys(raw[y]![0]!);
  return h.slice(h.indexOf('Majority') + 1, h.indexOf('All other candidates'));
};
const fold = (y: string, keep: (r: Row) => boolean) => {
  const rows = raw[y]!.filter(keep);
  const valid = rows.reduce((a, r) => a + Number(r['Valid votes']), 0);
  const electorate = rows.reduce((a, r) => a + Number(r['Electorate']), 0);
  const share: Record<string, number> = {};
  for (const c of partyColumns(y)) share[c.replace(' (as UCUNF)', '')] = (rows.reduce((a, r) => a + Number(r[c]), 0) / valid) * 100;
  const seats: Record<string, number> = {};
  for (const r of rows) seats[r['First party']!] = (seats[r['First party']!] ?? 0) + 1;
  return { share, seats, turnout: (valid / electorate) * 100, valid, n: rows.length };
};
const inRegion = (name: string) => (r: Row) => r['Region name']!.trim() === name;

describe.each(testDatabaseKinds)('election results on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let organiser: string;
  let member: string;
  const get = (url: string, token = member) => t.request({ method: 'GET', url, token });
  const importFile = (token: string, fileName: string, content: string, extra: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: '/api/elections/imports', token, payload: { fileName, content, ...extra } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadElectionAreas(t.ctx.db);
    const { root } = await buildOrg(t.ctx.db);
    const branch = await buildUnit(t.ctx.db, root.id);
    admin = (await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }])).token;
    organiser = (await buildAccount(t.ctx, [{ unitId: branch.id, role: 'organiser' }])).token;
    member = (await buildAccount(t.ctx, [{ unitId: branch.id, role: 'member' }])).token;
    for (const y of YEARS) {
      const res = await importFile(admin, `HoC-GE${y}-results-by-constituency.csv`, resultsFileContent(y));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results[0]).toMatchObject({ election: y, status: 'created', seats: 650, boundarySet: y === '2024' ? '2024' : '2010' });
    }
  });
  afterAll(() => t.close());

  it('lets only a national admin import results', async () => {
    const res = await importFile(organiser, 'HoC-GE2019-results-by-constituency.csv', resultsFileContent('2019'));
    expect(res.statusCode).toBe(403);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.ctx.db.select({ n: count() }).from(auditEvents);
    const [e] = await t.ctx.db.select().from(elections).where(eq(elections.name, '2017'));
    const res = await importFile(admin, 'HoC-GE2017-results-by-constituency.csv', resultsFileContent('2017'));
    expect(res.json().results[0].status).toBe('unchanged');
    const [after] = await t.ctx.db.select().from(elections).where(eq(elections.name, '2017'));
    expect(after!.importedAt).toEqual(e!.importedAt);
    expect(await t.ctx.db.select({ n: count() }).from(auditEvents)).toEqual(before);
    expect((await t.ctx.db.select({ n: count() }).from(electionResults))[0]!.n).toBe(3250);
  });

  it('agrees with the files on national shares, turnout and seats won', async () => {
    for (const [y, c] of [['2019', '2017'], ['2017', '2015'], ['2015', '2010']] as const) {
      const s = (await get(`/api/elections/${y}/summary?compare=${c}`)).json();
      const now = fold(y, () => true);
      const then = fold(c, () => true);
      expect(s.seats).toBe(650);
      expect(s.validVotes).toBe(now.valid);
      expect(s.turnoutPct).toBeCloseTo(now.turnout, 3);
      for (const p of s.parties.filter((x: { votes: number | null; party: string }) => x.votes !== null && x.party !== 'Other')) {
        expect(p.sharePct, `${y} ${p.party}`).toBeCloseTo(now.share[p.party]!, 3);
        if (p.party in then.share) expect(p.changePts, `${y} ${p.party} change`).toBeCloseTo(now.share[p.party]! - then.share[p.party]!, 3);
        else expect(p.changePts).toBeNull();
      }
      for (const p of s.parties) if (p.party !== 'Other') expect(p.seats, `${y} ${p.party} seats`).toBe(now.seats[p.party] ?? 0);
      expect(s.attribution).toBe('Contains Parliamentary information licensed under the Open Parliament Licence v3.0.');
    }
  });

  it('matches the published seat totals for 2019 and 2024', async () => {
    const seats = async (y: string) => Object.fromEntries((await get(`/api/elections/${y}/summary`)).json().parties.filter((p: { seats: number }) => p.seats > 0).map((p: { party: string; seats: number }) => [p.party, p.seats]));
    expect(await seats('2019')).toEqual({ Con: 365, Lab: 202, SNP: 48, LD: 11, DUP: 8, SF: 7, PC: 4, SDLP: 2, Green: 1, APNI: 1, Spk: 1 });
    expect(await seats('2024')).toEqual({ Lab: 411, Con: 121, LD: 72, SNP: 9, SF: 7, Ind: 6, DUP: 5, RUK: 5, Green: 4, PC: 4, SDLP: 2, APNI: 1, UUP: 1, TUV: 1, Spk: 1 });
    const uk2024 = (await get('/api/elections/2024/summary')).json();
    const share = (p: string) => uk2024.parties.find((x: { party: string }) => x.party === p).sharePct;
    // The House of Commons Library's published UK shares for 2024, to one decimal place.
    expect([share('Lab'), share('Con'), share('RUK'), share('LD'), share('Green')].map((x: number) => x.toFixed(1))).toEqual(['33.7', '23.7', '14.3', '12.2', '6.7']);
  });

  it('agrees with the files region by region, with Butler swing', async () => {
    const cases: [string, string | null, string][] = [
      ['2019', '2017', 'Yorkshire and The Humber'], ['2015', '2010', 'Scotland'], ['2017', '2015', 'Wales'],
      ['2024', null, 'London'], ['2019', '2017', 'North East'], ['2015', '2010', 'East of England'],
    ];
    for (const [y, c, region] of cases) {
      const s = (await get(`/api/elections/${y}/summary?region=${encodeURIComponent(region)}${c ? `&compare=${c}` : ''}`)).json();
      const now = fold(y, inRegion(region));
      expect(s.area.name).toBe(region);
      expect(s.seats).toBe(now.n);
      for (const p of s.parties.filter((x: { votes: number | null; party: string }) => x.votes !== null && x.party !== 'Other')) {
        expect(p.sharePct, `${y} ${region} ${p.party}`).toBeCloseTo(now.share[p.party]!, 3);
        expect(p.seats).toBe(now.seats[p.party] ?? 0);
      }
      if (c) {
        const then = fold(c, inRegion(region));
        const swing = ((now.share.Lab! - then.share.Lab!) - (now.share.Con! - then.share.Con!)) / 2;
        expect(s.swing.points).toBeCloseTo(Math.abs(swing), 3);
        expect(s.swing.to).toBe(swing > 0 ? 'Lab' : 'Con');
      }
    }
    const yorkshire = (await get('/api/elections/2019/summary?region=E12000003&compare=2017')).json();
    expect(yorkshire.swing).toMatchObject({ from: 'Lab', to: 'Con' });
  });

  it('gives every seat the published majority', async () => {
    for (const y of ['2019', '2010', '2024']) {
      const res = (await get(`/api/elections/${y}/seats?limit=650&sort=name`)).json();
      expect(res.total).toBe(650);
      const byCode = new Map(res.items.map((s: { code: string }) => [s.code, s]));
      for (const r of raw[y]!) {
        const s = byCode.get(r['ONS ID']!) as { majority: number; majorityPct: number; winner: string };
        expect(s.majority).toBe(Number(r['Majority']));
        expect(s.majorityPct).toBeCloseTo((Number(r['Majority']) / Number(r['Valid votes'])) * 100, 3);
        expect(s.winner).toBe(r['First party']);
      }
    }
  });

  it('derives 2010 runner-ups from the votes where the file mislabels them', async () => {
    const seats = new Map((await get('/api/elections/2010/seats?limit=650')).json().items.map((s: { code: string }) => [s.code, s]));
    const cols = partyColumns('2010');
    let mislabelled = 0;
    for (const r of raw['2010']!) {
      if (!cols.includes(r['First party']!)) continue;
      const [second] = cols.filter((c) => c !== r['First party']).sort((a, b) => Number(r[b]) - Number(r[a]));
      const label = r['Second party'] === 'UCUNF' ? 'UUP (as UCUNF)' : r['Second party']!;
      // Only rows whose label names another column and whose majority confirms the votes.
      if (!cols.includes(label) || label === second || Number(r[r['First party']!]) - Number(r[second!]) !== Number(r['Majority'])) continue;
      mislabelled++;
      expect((seats.get(r['ONS ID']!) as { runnerUp: string }).runnerUp, r['Constituency name']).toBe(second!.replace(' (as UCUNF)', ''));
    }
    expect(mislabelled).toBeGreaterThanOrEqual(30);
    // An independent runner-up has no column: the label names it and the majority gives its votes.
    const fermanagh = seats.get('N06000007') as { runnerUp: string; runnerUpVotes: number; majority: number };
    expect(fermanagh).toMatchObject({ runnerUp: 'Ind', majority: 4 });
  });

  it('refuses comparisons across the 2024 boundary change', async () => {
    for (const url of ['/api/elections/2024/summary?compare=2019', '/api/elections/2024/seats?compare=2017', '/api/elections/2024/breakdown?compare=2019']) {
      const res = await get(url);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('boundary change');
    }
    expect((await get('/api/elections/2017/summary?compare=2019')).statusCode).toBe(422);
  });

  it('lists seats in peril and targets with the swing that flips them', async () => {
    const peril = (await get('/api/elections/2019/seats?heldBy=lab&maxMajorityPct=5')).json();
    const expected = raw['2019']!.filter((r) => r['First party'] === 'Lab' && Number(r['Majority']) / Number(r['Valid votes']) <= 0.05);
    expect(peril.total).toBe(expected.length);
    expect(peril.items[0].swingToFlipPts).toBeCloseTo(peril.items[0].majorityPct / 2, 3);
    expect(peril.items.map((s: { majorityPct: number }) => s.majorityPct)).toEqual([...peril.items.map((s: { majorityPct: number }) => s.majorityPct)].sort((a, b) => a - b));
    const targets = (await get('/api/elections/2019/seats?challenger=Lab&region=Yorkshire%20and%20The%20Humber&limit=5')).json();
    for (const s of targets.items) {
      const r = raw['2019']!.find((x) => x['ONS ID'] === s.code)!;
      expect(s.challengerSwingPts).toBeCloseTo(((Number(r[r['First party']!]) - Number(r['Lab'])) / Number(r['Valid votes'])) * 50, 3);
    }
    const page2 = (await get(`/api/elections/2019/seats?challenger=Lab&region=Yorkshire%20and%20The%20Humber&limit=5&cursor=${targets.nextCursor}`)).json();
    expect(page2.items[0].rank).toBe(6);
  });

  it('runs a uniform-swing scenario that agrees with the files', async () => {
    const res = (await get('/api/elections/2019/scenario?from=Lab&to=Con&swing=4&region=Yorkshire%20and%20The%20Humber')).json();
    const cols = partyColumns('2019');
    const fall = raw['2019']!.filter(inRegion('Yorkshire and The Humber')).filter((r) => {
      const share = Object.fromEntries(cols.map((c) => [c, (Number(r[c]) / Number(r['Valid votes'])) * 100]));
      if (share.Lab! > 0 && share.Con! > 0) { share.Lab! -= 4; share.Con! += 4; }
      const top = Object.entries(share).sort((a, b) => b[1] - a[1])[0]![0];
      return top !== r['First party'];
    });
    expect(res.changes.map((c: { code: string }) => c.code).sort()).toEqual(fall.map((r) => r['ONS ID']).sort());
    expect(res.changes.length).toBeGreaterThan(5);
    expect(res.seatsAfter.Con - res.seatsBefore.Con).toBe(res.changes.filter((c: { after: string }) => c.after === 'Con').length);
  });

  it('serves the hex map for the 2010 boundaries and says why there is none for 2024', async () => {
    const map = (await get('/api/elections/2019/map?party=Lab&compare=2017')).json();
    expect(map.hexes).toHaveLength(650);
    const hallam = map.hexes.find((h: { name: string }) => h.name === 'Sheffield, Hallam');
    expect(hallam).toMatchObject({ winner: 'Lab' });
    expect(typeof hallam.changePts).toBe('number');
    const none = await get('/api/elections/2024/map');
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('No hex map');
  });

  it('refuses an unknown party, election or area with a clear message', async () => {
    const party = await get('/api/elections/2019/seats?heldBy=Whig');
    expect(party.statusCode).toBe(422);
    expect(party.json().error.message).toContain('Party "Whig" is not in the 2019 results');
    expect((await get('/api/elections/1997/summary')).statusCode).toBe(404);
    expect((await get('/api/elections/2019/summary?region=Atlantis')).statusCode).toBe(422);
    expect((await get('/api/elections/2019/summary?bogus=1')).statusCode).toBe(422);
    expect((await get('/api/elections/2019/scenario?from=Lab&to=Lab&swing=2')).statusCode).toBe(422);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/elections', '/api/elections/imports', '/api/elections/{election}/summary', '/api/elections/{election}/seats', '/api/elections/{election}/scenario', '/api/elections/{election}/map', '/api/elections/target-lists', '/api/impact/evaluations', '/api/impact/organising']) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
