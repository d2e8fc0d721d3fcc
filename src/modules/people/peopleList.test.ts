import { fakerEN_GB as faker } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { insertPeople, type NewPerson } from './insertPeople.ts';
import { membershipStatuses, tags } from './schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from './testing/peopleWorld.ts';

type Summary = { id: string; firstName: string; lastName: string; updatedAt: string; tags: { slug: string }[] };

describe.each(testDatabaseKinds)('listing people on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let token: string;
  let planted: NewPerson[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    token = w.tokens.organiser;
    const [housing, tenant] = await t.ctx.db.insert(tags).values([{ orgId: w.orgA.id, name: 'Housing', slug: 'housing' }, { orgId: w.orgA.id, name: 'Tenant', slug: 'tenant' }]).returning();
    faker.seed(7);
    const wards = [geo.armthorpe, geo.bessacarr, geo.bentley];
    // Several people share a surname and all share one created_at, so ties must be broken by id.
    planted = Array.from({ length: 33 }, (_, i) => {
      const ward = wards[i % 3]!;
      return {
        id: crypto.randomUUID(), orgId: w.orgA.id, unitId: i % 2 === 0 ? w.b1.id : w.b2.id,
        firstName: faker.person.firstName(), lastName: i % 4 === 0 ? 'Jones' : faker.person.lastName(),
        postcode: 'DN3 3AA', wardCode: ward, constituencyCode: ward === geo.bentley ? geo.doncasterNorth : geo.doncasterCentral,
        membershipStatus: membershipStatuses[i % membershipStatuses.length],
        contacts: [{ kind: 'phone', value: `07700 9${String(i).padStart(5, '0')}`, normalised: `+4477009${String(i).padStart(5, '0')}` }],
        tagIds: i % 3 === 0 ? [housing!.id, tenant!.id] : i % 3 === 1 ? [housing!.id] : [],
      };
    });
    await insertPeople(t.ctx.db, planted);
  });
  afterAll(() => t.close());

  const get = (url: string, as = token) => t.request({ method: 'GET', url, token: as });
  async function walk(query: string, limit: number): Promise<Summary[]> {
    const seen: Summary[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/people?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    return seen;
  }
  const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
  const where = (f: (p: NewPerson, i: number) => boolean) => ids(planted.filter(f));
  const canaryIds = () => w.canaries.map((c) => c.id);

  it('walks every page in name order with no repeats and no gaps, and never shows canaries', async () => {
    const all = await walk('sort=name', 7);
    expect(ids(all)).toEqual(ids(planted));
    const keys = all.map((p) => [p.lastName, p.firstName]);
    const sorted = [...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
    // Collation may differ from JS ordering for accents; every planted name is plain ASCII.
    expect(keys).toEqual(sorted);
    expect(all.map((p) => p.id)).not.toEqual(expect.arrayContaining(canaryIds()));
  });

  it('walks newest-first sorts stably even when timestamps tie', async () => {
    for (const sort of ['-created', '-updated']) {
      const all = await walk(`sort=${sort}`, 5);
      expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
      expect(ids(all)).toEqual(ids(planted));
    }
    const recent = await walk('sort=-updated', 50);
    const stamps = recent.map((p) => p.updatedAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('filters by unit subtree, every kind of area, tags, membership and text, with matching counts', async () => {
    const cases: [string, string[]][] = [
      [`unit=${w.c.id}`, where(() => true)],
      [`unit=${w.b1.id}`, where((p) => p.unitId === w.b1.id)],
      [`area=${geo.armthorpe}`, where((p) => p.wardCode === geo.armthorpe)],
      [`area=${geo.doncasterNorth}`, where((p) => p.constituencyCode === geo.doncasterNorth)],
      [`area=${geo.doncasterLa}`, where(() => true)],
      [`area=${geo.yorkshire}`, where(() => true)],
      ['tag=housing', where((_, i) => i % 3 !== 2)],
      ['tag=housing&tag=tenant', where((_, i) => i % 3 === 0)],
      ['tag=Housing', where((_, i) => i % 3 !== 2)],
      ['membership=member', where((p) => p.membershipStatus === 'member')],
      ['membership=member&membership=lapsed', where((p) => p.membershipStatus === 'member' || p.membershipStatus === 'lapsed')],
      ['q=jones', where((p) => p.lastName.toLowerCase().includes('jones') || p.firstName.toLowerCase().includes('jones'))],
      [`q=${encodeURIComponent('07700 900007')}`, [planted[7]!.id]],
      [`q=${encodeURIComponent('+447700900012')}`, [planted[12]!.id]],
      [`unit=${w.b2.id}&tag=housing&area=${geo.armthorpe}`, where((p, i) => p.unitId === w.b2.id && i % 3 !== 2 && p.wardCode === geo.armthorpe)],
    ];
    for (const [query, expected] of cases) {
      expect(expected.length, query).toBeGreaterThan(0);
      expect(ids(await walk(query, 200)), query).toEqual(expected);
      expect((await get(`/api/people/count?${query}`)).json(), query).toEqual({ count: expected.length });
    }
  });

  it('returns summaries in the documented shape', async () => {
    const res = await get(`/api/people?q=${encodeURIComponent('07700 900003')}`);
    expect(res.json().items).toEqual([{
      id: planted[3]!.id, firstName: planted[3]!.firstName, lastName: planted[3]!.lastName, unit: { id: w.b2.id, name: 'Outer Branch' },
      primaryEmail: null, primaryPhone: '07700 900003', postcode: 'DN3 3AA', ward: { code: geo.armthorpe, name: 'Armthorpe' },
      membershipStatus: planted[3]!.membershipStatus, tags: [{ slug: 'housing', name: 'Housing' }, { slug: 'tenant', name: 'Tenant' }], updatedAt: expect.any(String),
    }]);
  });

  it('never finds canaries, even by their exact name, area or unit', async () => {
    for (const query of ['q=canary', `area=${geo.bentley}&q=canary`, `unit=${w.sibling.id}`, `unit=${w.otherBranch.id}`]) {
      expect((await get(`/api/people?${query}`)).json().items, query).toEqual([]);
      expect((await get(`/api/people/count?${query}`)).json(), query).toEqual({ count: 0 });
    }
  });

  it('rejects unknown areas, bad cursors, bad sorts and unknown parameters with 4xx', async () => {
    const area = await get('/api/people?area=E05999999');
    expect(area.statusCode).toBe(422);
    expect(area.json().error.code).toBe('validation_failed');
    const tag = await get('/api/people?tag=no-such-tag');
    expect(tag.statusCode).toBe(422);
    expect(tag.json().error.details).toEqual([{ path: 'tag', message: 'No tag "no-such-tag"' }]);
    const nul = Buffer.from(JSON.stringify(['a\u0000', 'b', crypto.randomUUID()])).toString('base64url');
    const feb30 = Buffer.from(JSON.stringify(['2024-02-30T10:00:00.000000Z', crypto.randomUUID()])).toString('base64url');
    const month13 = Buffer.from(JSON.stringify(['2024-13-01T10:00:00.000000Z', crypto.randomUUID()])).toString('base64url');
    for (const c of [feb30, month13]) expect((await get(`/api/people?sort=-created&cursor=${c}`)).statusCode).toBe(400);
    for (const cursor of ['nonsense', Buffer.from('["a","b"]').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url'), nul]) {
      const res = await get(`/api/people?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
    expect((await get('/api/people?sort=age')).statusCode).toBe(422);
    expect((await get('/api/people?limit=500')).statusCode).toBe(422);
    expect((await get('/api/people?colour=red')).statusCode).toBe(422);
    expect((await get('/api/people/count?sort=name')).statusCode).toBe(422);
  });
});
