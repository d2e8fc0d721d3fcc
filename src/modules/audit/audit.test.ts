import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { recordAudit } from './recordAudit.ts';
import { auditEvents } from './schema.ts';

describe.each(testDatabaseKinds)('the audit log on %s', (kind) => {
  let t: TestApp;
  let tokens: Record<'national' | 'dpo' | 'branchAdmin' | 'organiser' | 'otherNational', string>;
  let ids: { root: string; orgId: string; branch1: string; branch2: string; orgB: string; orgBId: string; memberA: string; memberB: string; branchAdmin: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { root } = await buildOrg(t.ctx.db);
    const region = await buildUnit(t.ctx.db, root.id, { kind: 'region' });
    const branch1 = await buildUnit(t.ctx.db, region.id, { name: 'Home Branch' });
    const branch2 = await buildUnit(t.ctx.db, region.id, { name: 'Sibling Branch' });
    const { root: orgB } = await buildOrg(t.ctx.db);
    const national = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }], { displayName: 'Nia National' });
    const dpo = await buildAccount(t.ctx, [{ unitId: root.id, role: 'dpo' }]);
    const branchAdmin = await buildAccount(t.ctx, [{ unitId: branch1.id, role: 'unit_admin' }], { displayName: 'Bryn Branch' });
    const organiser = await buildAccount(t.ctx, [{ unitId: branch1.id, role: 'organiser' }]);
    const otherNational = await buildAccount(t.ctx, [{ unitId: orgB.id, role: 'national_admin' }]);
    const memberA = await buildAccount(t.ctx, [{ unitId: branch2.id, role: 'member' }]);
    const memberB = await buildAccount(t.ctx, [{ unitId: orgB.id, role: 'member' }]);
    tokens = { national: national.token, dpo: dpo.token, branchAdmin: branchAdmin.token, organiser: organiser.token, otherNational: otherNational.token };
    ids = { root: root.id, orgId: root.orgId, branch1: branch1.id, branch2: branch2.id, orgB: orgB.id, orgBId: orgB.orgId, memberA: memberA.account.id, memberB: memberB.account.id, branchAdmin: branchAdmin.account.id };
    // Start from a log holding only the rows planted below.
    await t.ctx.db.delete(auditEvents);
    const same = new Date('2026-03-01T10:00:00.000Z');
    await recordAudit(t.ctx.db, [
      { actorAccountId: branchAdmin.account.id, action: 'person.update', entityType: 'person', entityId: 'p-home', orgId: root.orgId, unitId: branch1.id, changes: { lastName: ['Old', 'New'] } },
      { actorAccountId: null, action: 'person.create', entityType: 'person', entityId: 'p-sibling', orgId: root.orgId, unitId: branch2.id, changes: { note: 'sibling-canary' } },
      { actorAccountId: null, action: 'unit.create', entityType: 'unit', entityId: 'u-orgb', orgId: orgB.orgId, unitId: orgB.id, changes: { note: 'orgb-canary' } },
      { actorAccountId: null, action: 'org.settings', entityType: 'organisation', entityId: root.orgId, orgId: root.orgId, unitId: null, changes: { note: 'org-a-wide' } },
      { actorAccountId: null, action: 'org.settings', entityType: 'organisation', entityId: orgB.orgId, orgId: orgB.orgId, unitId: null, changes: { note: 'org-b-wide' } },
      { actorAccountId: memberA.account.id, action: 'auth.sign_in', entityType: 'session', entityId: 's-a' },
      { actorAccountId: memberB.account.id, action: 'auth.sign_in', entityType: 'session', entityId: 's-b' },
      { actorAccountId: null, action: 'auth.denied', entityType: 'route', entityId: 'GET /api/units' },
    ]);
    // Twelve rows in one microsecond, to prove paging does not depend on distinct timestamps.
    await t.ctx.db.insert(auditEvents).values(Array.from({ length: 12 }, (_, i) => ({ action: 'tag.apply', entityType: 'person', entityId: `same-${i}`, orgId: root.orgId, unitId: branch1.id, createdAt: same })));
  });
  afterAll(() => t.close());

  const get = (token: string, query = '') => t.request({ method: 'GET', url: `/api/audit${query}`, token });
  const entityIds = async (token: string, query = '') => {
    const res = await get(token, `${query}${query ? '&' : '?'}limit=200`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((i: { entityId: string }) => i.entityId).filter((e: string) => !e.startsWith('same-')).sort();
  };

  it('shows a unit admin only rows on their units', async () => {
    expect(await entityIds(tokens.branchAdmin)).toEqual(['p-home']);
    const body = (await get(tokens.branchAdmin, '?limit=200')).body;
    for (const canary of ['sibling-canary', 'orgb-canary', 'org-a-wide', 's-a', 's-b']) expect(body).not.toContain(canary);
  });

  it('shows root auditors their whole organisation, its organisation-wide rows and its accounts\' own events, and nothing of another organisation', async () => {
    const expected = [ids.orgId, 'p-home', 'p-sibling', 's-a'].sort();
    expect(await entityIds(tokens.national)).toEqual(expected);
    expect(await entityIds(tokens.dpo)).toEqual(expected);
    expect(await entityIds(tokens.otherNational)).toEqual([ids.orgBId, 's-b', 'u-orgb'].sort());
  });

  it('refuses callers without audit.read', async () => {
    const res = await get(tokens.organiser);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('names the actor and the unit, and returns changes as recorded', async () => {
    const [item] = (await get(tokens.branchAdmin, '?action=person.update')).json().items;
    expect(item).toMatchObject({
      action: 'person.update', entityType: 'person', entityId: 'p-home', unitId: ids.branch1, unitName: 'Home Branch', orgId: ids.orgId,
      actor: { id: ids.branchAdmin, displayName: 'Bryn Branch' }, changes: { lastName: ['Old', 'New'] },
    });
  });

  it('filters by action, prefix, entity, actor, unit and time', async () => {
    const auth = (await get(tokens.national, '?action=auth.*&limit=200')).json().items as { action: string; entityId: string }[];
    expect(auth.map((i) => i.entityId)).toContain('s-a');
    expect(auth.map((i) => i.entityId)).not.toContain('s-b');
    expect(auth.every((i) => i.action.startsWith('auth.'))).toBe(true);
    expect(await entityIds(tokens.national, '?action=person.create')).toEqual(['p-sibling']);
    expect(await entityIds(tokens.national, '?entityType=organisation')).toEqual([ids.orgId]);
    expect(await entityIds(tokens.national, '?entityId=p-home')).toEqual(['p-home']);
    expect(await entityIds(tokens.national, `?actor=${ids.memberA}`)).toEqual(['s-a']);
    expect(await entityIds(tokens.national, `?unit=${ids.branch2}`)).toEqual(['p-sibling']);
    // A unit outside the caller's scope narrows to nothing; it never widens what they see.
    expect(await entityIds(tokens.branchAdmin, `?unit=${ids.branch2}`)).toEqual([]);
    expect(await entityIds(tokens.national, `?unit=${ids.orgB}`)).toEqual([]);
    const sameTime = await get(tokens.national, '?from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:01Z&limit=200');
    expect(sameTime.json().items).toHaveLength(12);
    expect((await get(tokens.national, '?from=2026-03-01T10:00:00.001Z&to=2026-03-02T00:00:00Z')).json().items).toHaveLength(0);
    const bad = await get(tokens.national, '?from=yesterday');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('querystring.from');
    expect((await get(tokens.national, '?action=DROP%20TABLE')).statusCode).toBe(422);
    expect((await get(tokens.national, '?to=0000-01-01T00:00:00Z')).statusCode).toBe(422);
  });

  it('pages newest first without gaps or repeats, even within one microsecond', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let times: string[] = [];
    do {
      const res = await get(tokens.branchAdmin, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((i: { id: string }) => i.id));
      times = times.concat(res.json().items.map((i: { createdAt: string }) => i.createdAt));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect([...times].sort().reverse()).toEqual(times);
    const bad = await get(tokens.branchAdmin, `?cursor=${Buffer.from(JSON.stringify(['not a time', 'x'])).toString('base64url')}`);
    expect(bad.statusCode).toBe(400);
  });
});
