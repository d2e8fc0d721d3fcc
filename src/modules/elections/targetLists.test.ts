import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { importResults } from './importResults.ts';
import { loadElectionAreas, resultsFileContent } from './testing.ts';

describe.each(testDatabaseKinds)('target lists on %s', (kind) => {
  let t: TestApp;
  let branchId: string;
  let siblingId: string;
  let organiser: string;
  let volunteer: string;
  let outsider: string;
  const seats = ['E14000580', 'E14000833', 'E14000541'];
  const create = (token: string, unitId: string, name = 'Marginals') =>
    t.request({ method: 'POST', url: '/api/elections/target-lists', token, payload: { unitId, election: '2019', name, seats, basis: { scenario: '4-point swing Lab to Con' } } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadElectionAreas(t.ctx.db);
    await importResults(t.ctx.db, [{ fileName: 'HoC-GE2019-results-by-constituency.csv', content: resultsFileContent('2019') }], { actorAccountId: null });
    const { root } = await buildOrg(t.ctx.db);
    const branch = await buildUnit(t.ctx.db, root.id);
    const sibling = await buildUnit(t.ctx.db, root.id);
    branchId = branch.id;
    siblingId = sibling.id;
    organiser = (await buildAccount(t.ctx, [{ unitId: branch.id, role: 'organiser' }])).token;
    volunteer = (await buildAccount(t.ctx, [{ unitId: branch.id, role: 'volunteer' }])).token;
    const other = await buildOrg(t.ctx.db);
    outsider = (await buildAccount(t.ctx, [{ unitId: other.root.id, role: 'national_admin' }])).token;
    // A list in another organisation that must never show up for us.
    expect((await create(outsider, other.root.id, 'Theirs')).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('lets an organiser save a list for their unit, with an audit row, and read it back with figures', async () => {
    const res = await create(organiser, branchId);
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json();
    expect(list).toMatchObject({ name: 'Marginals', election: '2019', seatCount: 3 });
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, list.id))).toHaveLength(1);
    const full = (await t.request({ method: 'GET', url: `/api/elections/target-lists/${list.id}`, token: volunteer })).json();
    expect(full.seats.map((s: { code: string }) => s.code)).toEqual(seats);
    expect(full.seats[0]).toMatchObject({ position: 1, name: 'Bolton West', winner: 'Con' });
    expect(full.attribution).toContain('Open Parliament Licence');
    expect((await create(organiser, branchId)).statusCode).toBe(409);
  });

  it('refuses lists for units outside the caller\'s scope, and for readers', async () => {
    expect((await create(organiser, siblingId)).statusCode).toBe(403);
    expect((await create(volunteer, branchId, 'Mine')).statusCode).toBe(403);
    const bad = await t.request({ method: 'POST', url: '/api/elections/target-lists', token: organiser, payload: { unitId: branchId, election: '2019', name: 'Bad', seats: ['E14099999'] } });
    expect(bad.statusCode).toBe(422);
  });

  it('lists only lists in scope, never another organisation\'s', async () => {
    const mine = (await t.request({ method: 'GET', url: '/api/elections/target-lists', token: volunteer })).json();
    expect(mine.items.map((l: { name: string }) => l.name)).toEqual(['Marginals']);
    const id = mine.items[0].id;
    expect((await t.request({ method: 'GET', url: `/api/elections/target-lists/${id}`, token: outsider })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/elections/target-lists/${id}`, token: volunteer })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `/api/elections/target-lists/${id}`, token: organiser })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/elections/target-lists', token: volunteer })).json().items).toEqual([]);
  });
});
