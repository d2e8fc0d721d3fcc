import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { loadAreas, readAreaFiles } from './loadAreas.ts';

const dir = join(process.cwd(), '..', 'shared', 'data', 'elections');

describe('reading the shipped geography', () => {
  const { areas, wardLinks } = readAreaFiles(dir);
  const byKind = (k: string) => areas.filter((a) => a.kind === k);

  it('has both constituency boundary sets with 650 seats each', () => {
    expect(byKind('constituency').filter((a) => a.boundarySets!.includes('2010'))).toHaveLength(650);
    expect(byKind('constituency').filter((a) => a.boundarySets!.includes('2024'))).toHaveLength(650);
  });

  it('has the nine English regions and four nations', () => {
    expect(byKind('region').map((a) => a.code).sort()).toEqual(['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009']);
    expect(byKind('nation')).toHaveLength(4);
  });

  it('places current wards in 2024 constituencies, listing split wards under each', () => {
    const doncasterCentral = areas.find((a) => a.name === 'Doncaster Central' && a.boundarySets!.includes('2024'))!;
    const wards = byKind('ward').filter((w) => w.parentCode === doncasterCentral.code);
    expect(wards.length).toBeGreaterThan(5);
    const split = new Map<string, number>();
    for (const l of wardLinks) split.set(l.wardCode, (split.get(l.wardCode) ?? 0) + 1);
    expect([...split.values()].some((n) => n > 1)).toBe(true);
    expect(new Set(byKind('ward').map((w) => w.code)).size).toBe(byKind('ward').length);
  });
});

describe.each(testDatabaseKinds)('areas on %s', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadAreas(t.ctx.db, dir);
    const { root } = await buildOrg(t.ctx.db);
    token = (await buildAccount(t.ctx, [{ unitId: root.id, role: 'member' }])).token;
  });
  afterAll(() => t.close());

  it('loading twice changes nothing', async () => {
    const before = await t.database.query<{ n: number }>('select count(*)::int as n from areas');
    await loadAreas(t.ctx.db, dir);
    const after = await t.database.query<{ n: number }>('select count(*)::int as n from areas');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('lists regions, searches by name, and pages without gaps', async () => {
    const regions = await t.request({ method: 'GET', url: '/api/areas?kind=region', token });
    expect(regions.json().items.map((a: { name: string }) => a.name)).toContain('Yorkshire and The Humber');
    const found = await t.request({ method: 'GET', url: '/api/areas?q=doncaster&kind=constituency&boundarySet=2024', token });
    expect(found.json().items.map((a: { name: string }) => a.name)).toEqual(['Doncaster Central', 'Doncaster East and the Isle of Axholme', 'Doncaster North']);
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { items: { code: string }[]; nextCursor: string | null } = (
        await t.request({ method: 'GET', url: `/api/areas?kind=constituency&boundarySet=2010&limit=200${cursor ? `&cursor=${cursor}` : ''}`, token })
      ).json();
      for (const a of page.items) seen.add(a.code);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(650);
  });

  it('shows an area with its ancestors', async () => {
    const found = await t.request({ method: 'GET', url: '/api/areas?q=Doncaster%20Central&kind=constituency&boundarySet=2024', token });
    const code = found.json().items[0].code;
    const res = await t.request({ method: 'GET', url: `/api/areas/${code}`, token });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['United Kingdom', 'England', 'Yorkshire and The Humber']);
    expect(res.json().childCount).toBeGreaterThan(5);
  });

  it('answers 404 and 400 in the error shape for unknown areas and bad cursors', async () => {
    expect((await t.request({ method: 'GET', url: '/api/areas/E99999999', token })).json().error.code).toBe('not_found');
    const bad = await t.request({ method: 'GET', url: '/api/areas?cursor=nonsense', token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
  });

  it('lists a ward that straddles two constituencies under both', async () => {
    const [split] = await t.database.query<{ ward_code: string }>(
      'select ward_code from ward_constituencies group by ward_code having count(*) > 1 order by ward_code limit 1',
    );
    const parents = await t.database.query<{ constituency_code: string }>('select constituency_code from ward_constituencies where ward_code = $1', [split!.ward_code]);
    for (const p of parents) {
      const res = await t.request({ method: 'GET', url: `/api/areas?parent=${p.constituency_code}&limit=200`, token });
      expect(res.json().items.map((a: { code: string }) => a.code), p.constituency_code).toContain(split!.ward_code);
    }
  });

  it('needs a signed-in caller', async () => {
    const res = await t.request({ method: 'GET', url: '/api/areas' });
    expect(res.statusCode).toBe(401);
  });
});
