import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';

type Unit = { id: string; orgId: string; name: string };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe.each(testDatabaseKinds)('home dashboard on %s', (kind) => {
  let t: TestApp;
  let root: Unit;
  let region: Unit;
  let branch: Unit;
  let branch2: Unit;
  let sibling: Unit;
  let siblingBranch: Unit;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.ctx.db;
    ({ root } = await buildOrg(db));
    region = await buildUnit(db, root.id, { kind: 'region', name: 'Yorkshire' });
    branch = await buildUnit(db, region.id, { name: 'Armthorpe Branch' });
    branch2 = await buildUnit(db, region.id, { name: 'Balby Branch' });
    sibling = await buildUnit(db, root.id, { kind: 'region', name: 'South East' });
    siblingBranch = await buildUnit(db, sibling.id, { name: 'Strood Branch' });
    await buildPerson(db, branch, { membershipStatus: 'member' });
    await buildPerson(db, branch, { membershipStatus: 'supporter' });
    await buildPerson(db, branch, { createdAt: daysAgo(60) });
    await buildPerson(db, branch, { deletedAt: new Date() });
    await buildPerson(db, branch2, { membershipStatus: 'member', createdAt: daysAgo(45) });
    await buildPerson(db, region, {});
    await buildPerson(db, siblingBranch, { membershipStatus: 'member' });
    await buildPerson(db, siblingBranch, {});
    // Another organisation's people must never be counted.
    const other = (await buildOrg(db)).root;
    for (let i = 0; i < 4; i++) await buildPerson(db, other, { membershipStatus: 'member' });
  });
  afterAll(() => t.close());

  const dashboard = async (token: string) => {
    const res = await t.request({ method: 'GET', url: '/api/dashboard', token });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('counts only people inside a unit admin’s subtree, broken down by child unit', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const d = await dashboard(token);
    expect(d.figures).toEqual({ people: 5, addedLast30Days: 3, members: 2, supporters: 1 });
    expect(d.breakdown.map((r: { name: string; direct: boolean; people: number; addedLast30Days: number }) => [r.name, r.direct, r.people, r.addedLast30Days])).toEqual([
      ['Yorkshire', true, 1, 1],
      ['Armthorpe Branch', false, 3, 2],
      ['Balby Branch', false, 1, 0],
    ]);
    expect(d.roles).toEqual([{ role: 'unit_admin', unitId: region.id, unitName: 'Yorkshire', unitKind: 'region' }]);
    expect(d.breakdownTruncated).toBe(false);
  });

  it('shows a national lead whole regions and leaves out an empty top unit', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
    const d = await dashboard(token);
    expect(d.figures.people).toBe(7);
    expect(d.breakdown.map((r: { unitId: string; people: number }) => [r.unitId, r.people])).toEqual([[sibling.id, 2], [region.id, 5]]);
    expect(d.breakdown.every((r: { direct: boolean }) => !r.direct)).toBe(true);
  });

  it('does not count people twice when grants nest, and shows a branch volunteer their branch', async () => {
    const nested = await buildAccount(t.ctx, [{ unitId: region.id, role: 'organiser' }, { unitId: branch.id, role: 'volunteer' }]);
    expect((await dashboard(nested.token)).figures.people).toBe(5);
    const volunteer = await buildAccount(t.ctx, [{ unitId: branch.id, role: 'volunteer' }]);
    const d = await dashboard(volunteer.token);
    expect(d.figures).toEqual({ people: 3, addedLast30Days: 2, members: 1, supporters: 1 });
    expect(d.breakdown).toEqual([{ unitId: branch.id, parentId: region.id, name: 'Armthorpe Branch', kind: 'branch', direct: true, people: 3, addedLast30Days: 2 }]);
  });

  it('gives no figures to someone who may not read people', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: root.id, role: 'member' }]);
    const d = await dashboard(token);
    expect(d.figures).toBeNull();
    expect(d.breakdown).toEqual([]);
    const none = await buildAccount(t.ctx, []);
    expect(await dashboard(none.token)).toMatchObject({ roles: [], figures: null, breakdown: [] });
  });

  it('lists my own recent actions and nobody else’s', async () => {
    const me = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const someoneElse = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const create = (token: string, code: string) =>
      t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: region.id, kind: 'branch', code, name: `Branch ${code}` } });
    const mine = await create(me.token, 'mine-1');
    const theirs = await create(someoneElse.token, 'theirs-1');
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    const d = await dashboard(me.token);
    // Newest first: the unit I created, then the API token the factory made for me.
    expect(d.recentActions.map((a: { action: string; entityId: string }) => [a.action, a.action === 'unit.create' ? a.entityId : 'token'])).toEqual([
      ['unit.create', mine.json().id],
      ['token.create', 'token'],
    ]);
    expect(d.recentActions[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('rejects unknown query fields and anonymous callers in the error shape', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: root.id, role: 'member' }]);
    const bad = await t.request({ method: 'GET', url: '/api/dashboard?unit=x', token });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('validation_failed');
    const anon = await t.request({ method: 'GET', url: '/api/dashboard' });
    expect(anon.statusCode).toBe(401);
  });
});
