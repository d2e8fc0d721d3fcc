import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { areas } from '../areas/schema.ts';

describe.each(testDatabaseKinds)('units on %s', (kind) => {
  let t: TestApp;
  let root: { id: string; orgId: string };
  let region: { id: string; orgId: string };
  let branch: { id: string; orgId: string };
  let sibling: { id: string; orgId: string };
  let otherOrgRoot: { id: string; orgId: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.ctx.db.insert(areas).values([
      { code: 'E12000003', kind: 'region', name: 'Yorkshire and The Humber', parentCode: 'E92000001' },
      { code: 'E05010729', kind: 'ward', name: 'Armthorpe', parentCode: 'E14001198' },
    ]);
    ({ root } = await buildOrg(t.ctx.db));
    region = await buildUnit(t.ctx.db, root.id, { kind: 'region', code: 'yorks' });
    branch = await buildUnit(t.ctx.db, region.id, { kind: 'branch', code: 'armthorpe' });
    sibling = await buildUnit(t.ctx.db, root.id, { kind: 'region', code: 'south-east' });
    otherOrgRoot = (await buildOrg(t.ctx.db)).root;
    await buildPerson(t.ctx.db, branch);
    await buildPerson(t.ctx.db, branch);
  });
  afterAll(() => t.close());

  it('shows a unit admin their subtree and the path above it, never sibling or other organisations', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const res = await t.request({ method: 'GET', url: '/api/units', token });
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual([root.id, region.id, branch.id]);
    expect(ids).not.toContain(sibling.id);
    expect(ids).not.toContain(otherOrgRoot.id);
    const items = res.json().items as { id: string; peopleCount: number | null; depth: number }[];
    expect(items.find((u) => u.id === branch.id)).toMatchObject({ peopleCount: 2, depth: 2 });
    // A unit's count covers everyone below it.
    expect(items.find((u) => u.id === region.id)!.peopleCount).toBe(2);
    // Counts of people above the caller's scope are not theirs to see.
    expect(items.find((u) => u.id === root.id)!.peopleCount).toBeNull();
  });

  it('lets a unit admin create a child with areas, and refuses outside their subtree', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const ok = await t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: region.id, kind: 'branch', code: 'new-branch', name: 'New Branch', areaCodes: ['E05010729'] } });
    expect(ok.statusCode).toBe(201);
    const detail = await t.request({ method: 'GET', url: `/api/units/${ok.json().id}`, token });
    expect(detail.json().areas).toEqual([{ code: 'E05010729', name: 'Armthorpe', kind: 'ward' }]);
    const outside = await t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: sibling.id, kind: 'branch', code: 'x-branch', name: 'X' } });
    expect(outside.statusCode).toBe(403);
    const dupe = await t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: region.id, kind: 'branch', code: 'new-branch', name: 'Again' } });
    expect(dupe.statusCode).toBe(409);
  });

  it('rejects unknown areas without creating the unit', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
    const res = await t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: root.id, kind: 'region', code: 'nowhere', name: 'Nowhere', areaCodes: ['E99999999'] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toContain('E99999999');
    const list = await t.request({ method: 'GET', url: '/api/units', token });
    expect(list.json().items.map((u: { code: string }) => u.code)).not.toContain('nowhere');
  });

  it('replaces covered areas, audited', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
    const res = await t.request({ method: 'PUT', url: `/api/units/${region.id}/areas`, token, payload: { areaCodes: ['E12000003'] } });
    expect(res.json()).toEqual({ areaCount: 1 });
    const audit = await t.database.query<{ action: string }>(`select action from audit_events where entity_id = $1`, [region.id]);
    expect(audit.map((a) => a.action)).toContain('unit.set_areas');
  });

  it('does not let volunteers or organisers manage units', async () => {
    for (const role of ['volunteer', 'organiser', 'member'] as const) {
      const { token } = await buildAccount(t.ctx, [{ unitId: region.id, role }]);
      const res = await t.request({ method: 'POST', url: '/api/units', token, payload: { parentId: region.id, kind: 'branch', code: `b-${role}`, name: 'B' } });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('hides a unit in another organisation', async () => {
    const { token } = await buildAccount(t.ctx, [{ unitId: region.id, role: 'unit_admin' }]);
    const res = await t.request({ method: 'GET', url: `/api/units/${otherOrgRoot.id}`, token });
    expect(res.statusCode).toBe(404);
  });
});
