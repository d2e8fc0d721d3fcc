import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { rolePermissions } from './permissions.ts';
import { accounts, roles, type Role } from './schema.ts';

type Entry = { id: string; displayName: string; units: { id: string; name: string }[] };
type Built = { account: { id: string; email: string }; token: string };

describe.each(testDatabaseKinds)('account directory on %s', (kind) => {
  let t: TestApp;
  const u = {} as Record<'root' | 'region' | 'branch1' | 'ward1' | 'branch2' | 'orgB', { id: string; orgId: string; name: string }>;
  const a = {} as Record<'nat' | 'regionOrganiser' | 'organiser' | 'vol1' | 'vol1b' | 'wardVol' | 'member' | 'dpo' | 'gone' | 'sibling' | 'other' | 'both' | 'none' | 'branchAdmin', Built>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.ctx.db;
    const { root } = await buildOrg(db, { name: 'Aberdare Party' });
    u.root = root;
    u.region = await buildUnit(db, root.id, { kind: 'region', name: 'Valleys Region' });
    u.branch1 = await buildUnit(db, u.region.id, { name: 'Ebbw Vale Branch' });
    u.ward1 = await buildUnit(db, u.branch1.id, { name: 'Beaufort Ward' });
    u.branch2 = await buildUnit(db, u.region.id, { name: 'Canarysibling Branch' });
    u.orgB = (await buildOrg(db, { name: 'Other Party' })).root;
    const make = (name: string, grants: { unitId: string; role: Role }[]) => buildAccount(t.ctx, grants, { displayName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` });
    a.nat = await make('Aaron National', [{ unitId: root.id, role: 'national_admin' }]);
    a.regionOrganiser = await make('Bronwen Region', [{ unitId: u.region.id, role: 'organiser' }]);
    a.organiser = await make('Cath Organiser', [{ unitId: u.branch1.id, role: 'organiser' }]);
    a.branchAdmin = await make('Cerys Admin', [{ unitId: u.branch1.id, role: 'unit_admin' }]);
    a.vol1 = await make('Dai Volunteer', [{ unitId: u.branch1.id, role: 'volunteer' }]);
    a.vol1b = await make('dilys volunteer', [{ unitId: u.branch1.id, role: 'volunteer' }]);
    a.wardVol = await make('Wyn Ward', [{ unitId: u.ward1.id, role: 'volunteer' }]);
    a.member = await make('Mair Member', [{ unitId: u.branch1.id, role: 'member' }]);
    a.dpo = await make('Dewi Protection', [{ unitId: u.branch1.id, role: 'dpo' }]);
    a.gone = await make('Gareth Gone', [{ unitId: u.branch1.id, role: 'volunteer' }]);
    a.sibling = await make('Efa Siblingcanary', [{ unitId: u.branch2.id, role: 'volunteer' }]);
    a.other = await make('Gwen Orgcanary', [{ unitId: u.orgB.id, role: 'national_admin' }]);
    a.both = await make('Ffion Both', [{ unitId: u.branch1.id, role: 'volunteer' }, { unitId: u.orgB.id, role: 'organiser' }, { unitId: u.branch2.id, role: 'member' }]);
    a.none = await make('Nobody Roles', []);
    await db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, a.gone.account.id));
  });
  afterAll(() => t.close());

  const get = (who: { token: string }, query = '') => t.request({ method: 'GET', url: `/api/accounts/directory${query}`, token: who.token });
  async function names(who: Built, query = ''): Promise<string[]> {
    const res = await get(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Entry[]).map((i) => i.displayName);
  }

  it('shows a volunteer the people who may log in their branch and below, and nobody else', async () => {
    const res = await get(a.vol1, '?limit=200');
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Entry[]).map((i) => i.displayName)).toEqual(['Cath Organiser', 'Cerys Admin', 'Dai Volunteer', 'dilys volunteer', 'Ffion Both', 'Wyn Ward']);
    expect(res.json().nextCursor).toBeNull();
    // A sibling branch, another organisation, a disabled account, roles that cannot log, and
    // people above the branch never appear; nor do email addresses or roles.
    expect(res.body).not.toMatch(/canary|Gareth|Mair|Dewi|Aaron|Bronwen|@/i);
    expect(res.body).not.toMatch(/"(role|roles|email|grants)"/);
    const both = (res.json().items as Entry[]).find((i) => i.id === a.both.account.id)!;
    expect(both.units).toEqual([{ id: u.branch1.id, name: 'Ebbw Vale Branch' }]);
    expect(Object.keys(both).sort()).toEqual(['displayName', 'id', 'units']);
    const ward = (res.json().items as Entry[]).find((i) => i.id === a.wardVol.account.id)!;
    expect(ward.units).toEqual([{ id: u.ward1.id, name: 'Beaufort Ward' }]);
  });

  it('shows a national admin the whole organisation, never another one', async () => {
    const res = await get(a.nat, '?limit=200');
    expect((res.json().items as Entry[]).map((i) => i.displayName)).toEqual(
      ['Aaron National', 'Bronwen Region', 'Cath Organiser', 'Cerys Admin', 'Dai Volunteer', 'dilys volunteer', 'Efa Siblingcanary', 'Ffion Both', 'Wyn Ward'],
    );
    expect(res.body).not.toMatch(/Orgcanary|Other Party|Gareth/);
    expect(res.body).not.toContain(u.orgB.id);
    // Ffion's organiser role in the other organisation stays out of her units.
    expect((res.json().items as Entry[]).find((i) => i.id === a.both.account.id)!.units.map((x) => x.id)).toEqual([u.branch1.id]);
  });

  it('lists mentors for those who manage leaders: accounts that may manage leaders in their scope', async () => {
    expect(await names(a.organiser, '?can=mentor')).toEqual(['Cath Organiser', 'Cerys Admin']);
    expect(await names(a.regionOrganiser, '?can=mentor')).toEqual(['Bronwen Region', 'Cath Organiser', 'Cerys Admin']);
    expect(await names(a.nat, '?can=mentor')).toEqual(['Aaron National', 'Bronwen Region', 'Cath Organiser', 'Cerys Admin']);
  });

  it('refuses callers without the permission the purpose needs, in the error shape', async () => {
    for (const [who, query] of [[a.none, ''], [a.member, ''], [a.dpo, ''], [a.dpo, '?can=log'], [a.vol1, '?can=mentor'], [a.member, '?can=mentor'], [a.dpo, '?can=mentor']] as const) {
      const res = await get(who, query);
      expect(res.statusCode, query).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect((await t.request({ method: 'GET', url: '/api/accounts/directory' })).statusCode).toBe(401);
    expect((await get(a.gone)).statusCode).toBe(401);
  });

  it('searches by words of the name, and narrows by unit without ever widening', async () => {
    expect(await names(a.vol1, '?q=VOLUNT')).toEqual(['Dai Volunteer', 'dilys volunteer']);
    expect(await names(a.vol1, '?q=volunteer%20dai')).toEqual(['Dai Volunteer']);
    expect(await names(a.vol1, '?q=%25')).toEqual([]);
    expect(await names(a.vol1, '?q=_')).toEqual([]);
    expect(await names(a.nat, '?q=%20%20')).toHaveLength(9);
    expect(await names(a.nat, `?unit=${u.branch2.id}`)).toEqual(['Efa Siblingcanary']);
    expect(await names(a.nat, `?unit=${u.ward1.id}`)).toEqual(['Wyn Ward']);
    expect(await names(a.vol1, `?unit=${u.branch2.id}`)).toEqual([]);
    expect(await names(a.vol1, `?unit=${u.orgB.id}`)).toEqual([]);
    expect(await names(a.nat, `?unit=${u.orgB.id}`)).toEqual([]);
    expect(await names(a.nat, `?unit=${crypto.randomUUID()}`)).toEqual([]);
  });

  it('pages by name without gaps or repeats', async () => {
    const all = await names(a.nat, '?limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(a.nat, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Entry[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((i) => i.displayName));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('answers bad input with a 4xx in the error shape', async () => {
    const cases: [string, number][] = [
      ['?limit=0', 422], ['?limit=201', 422], ['?limit=two', 422], ['?can=admin', 422], ['?unit=branch', 422],
      [`?q=${'x'.repeat(101)}`, 422], ['?email=a', 422], ['?cursor=not-a-cursor', 400],
      [`?cursor=${Buffer.from('[1,2]').toString('base64url')}`, 400], [`?cursor=${Buffer.from('["a","b"]').toString('base64url')}`, 400],
    ];
    for (const [query, status] of cases) {
      const res = await get(a.vol1, query);
      expect(res.statusCode, query).toBe(status);
      expect(res.json().error, query).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });

  it('equals a reference model for random grants, callers and filters', async () => {
    const units = [u.root, u.region, u.branch1, u.ward1, u.branch2, u.orgB];
    const parent: Record<string, string | null> = { [u.root.id]: null, [u.region.id]: u.root.id, [u.branch1.id]: u.region.id, [u.ward1.id]: u.branch1.id, [u.branch2.id]: u.region.id, [u.orgB.id]: null };
    const within = (unit: string, top: string): boolean => unit === top || (parent[unit] ? within(parent[unit]!, top) : false);
    const purposes = { log: 'conversations.log', mentor: 'ladder.manage' } as const;
    const grant = fc.record({ unit: fc.nat({ max: units.length - 1 }), role: fc.constantFrom(...roles) });
    const person = fc.record({ name: fc.stringMatching(/^[aAbB]{1,3}$/), grants: fc.array(grant, { maxLength: 3 }), disabled: fc.boolean() });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('log', 'mentor'),
        fc.option(fc.nat({ max: units.length - 1 }), { nil: undefined }),
        fc.integer({ min: 1, max: 4 }),
        async (people, callerPick, can, unitPick, limit) => {
          // Each run's accounts share a tag in their names; searching for it keeps earlier runs out.
          const tag = `zq${kind}${++run}x`;
          const made: { id: string; token: string; name: string; disabled: boolean; grants: { unit: string; role: Role }[] }[] = [];
          for (const p of people) {
            const grants = [...new Map(p.grants.map((g) => [`${g.unit}:${g.role}`, { unit: units[g.unit]!.id, role: g.role }])).values()];
            const built = await buildAccount(t.ctx, grants.map((g) => ({ unitId: g.unit, role: g.role })), { displayName: `${tag} ${p.name}` });
            made.push({ id: built.account.id, token: built.token, name: `${tag} ${p.name}`, disabled: p.disabled, grants });
          }
          const disabled = made.filter((m) => m.disabled).map((m) => m.id);
          if (disabled.length) await t.ctx.db.update(accounts).set({ disabledAt: new Date() }).where(inArray(accounts.id, disabled));
          const active = made.filter((m) => !m.disabled);
          if (active.length === 0) return;
          const caller = active[callerPick % active.length]!;
          const permission = purposes[can];
          const carries = (role: Role) => rolePermissions[role].includes(permission);
          const scopeTops = caller.grants.filter((g) => carries(g.role)).map((g) => g.unit);
          const filterUnit = unitPick === undefined ? undefined : units[unitPick]!.id;
          const query = `?can=${can}&q=${tag}${filterUnit ? `&unit=${filterUnit}` : ''}`;

          if (scopeTops.length === 0) {
            expect((await get(caller, `${query}&limit=${limit}`)).statusCode).toBe(403);
            return;
          }
          const inScope = (unit: string) => scopeTops.some((top) => within(unit, top));
          const expected = active
            .filter((m) => m.grants.some((g) => carries(g.role) && inScope(g.unit) && (!filterUnit || within(g.unit, filterUnit))))
            .sort((x, y) => (x.name.toLowerCase() < y.name.toLowerCase() ? -1 : x.name.toLowerCase() > y.name.toLowerCase() ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
            .map((m) => ({
              id: m.id,
              displayName: m.name,
              units: units.filter((unit) => m.grants.some((g) => g.unit === unit.id && carries(g.role) && inScope(g.unit)))
                .map((unit) => ({ id: unit.id, name: unit.name }))
                .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : 1)),
            }));

          const seen: Entry[] = [];
          let cursor: string | null = null;
          do {
            const res = await get(caller, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
            expect(res.statusCode, res.body).toBe(200);
            seen.push(...(res.json().items as Entry[]));
            cursor = res.json().nextCursor;
          } while (cursor);
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  }, 300_000);
});
