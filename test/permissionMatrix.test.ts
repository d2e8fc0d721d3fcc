import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '../src/modules/accounts/permissions.ts';
import { accounts, roleGrants } from '../src/modules/accounts/schema.ts';
import { customFieldDefinitions, people, tags } from '../src/modules/people/schema.ts';
import { units } from '../src/modules/units/schema.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from './harness.ts';
import { exampleBody, fillPath, operationOf } from './permissionMatrixRequests.ts';
import { recipes, spinePrefixes, type RequestSpec } from './permissionMatrixRecipes.ts';
import { buildMatrixWorld, matrixRoles, orgCanaries, siblingCanaries, type MatrixActor, type MatrixWorld } from './permissionMatrixWorld.ts';

/**
 * S1: every route × role, generated from the routes the app actually registers, so routes added
 * by any domain are covered as they land.
 * (a) without credentials (or with a bad token) every non-public route answers 401;
 * (b) no route shows an actor canary records planted in a sibling unit or another organisation,
 *     and no write aimed at one of them succeeds;
 * (c) the answers for the spine's routes per role are kept in test/permissionMatrix.snapshot.md,
 *     so any change in who may do what shows in review. Update it with
 *     `npx vitest run test/permissionMatrix.test.ts -u` and read the diff.
 */
describe.each(testDatabaseKinds)('permission matrix on %s', (kind) => {
  let t: TestApp;
  let w: MatrixWorld;
  let doc: unknown;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildMatrixWorld(t);
    doc = t.app.swagger();
  }, 300_000);
  afterAll(() => t.close());

  const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
  const send = (spec: RequestSpec, token?: string) => t.request({ ...spec, token } as Parameters<TestApp['request']>[0]);
  const canaryIds = (scope: 'branch' | 'root') => (scope === 'branch' ? [...w.siblingIds, ...w.orgSampleIds] : w.orgIds);
  const canaryStrings = (scope: 'branch' | 'root') => [...(scope === 'branch' ? [...siblingCanaries, ...w.siblingIds] : []), ...orgCanaries, ...w.orgIds];

  /** Fails when the body holds a canary string, ignoring any the request itself carried. */
  function expectNoCanary(body: string, url: string, scope: 'branch' | 'root', label: string) {
    const haystack = body.toLowerCase();
    const asked = decodeURIComponent(url).toLowerCase();
    const leaked = canaryStrings(scope).filter((c) => !asked.includes(c.toLowerCase()) && haystack.includes(c.toLowerCase()));
    expect(leaked, `${label} leaked ${leaked.join(', ')}: ${body.slice(0, 300)}`).toEqual([]);
  }

  /** Query strings that probe a list: each uuid filter pointed at each canary, text searches for canary names, the canary tag. */
  function probeQueries(method: string, url: string, scope: 'branch' | 'root'): string[] {
    const params = (operationOf(doc, method, url)?.parameters ?? []).filter((p) => p.in === 'query');
    const names = new Set(params.map((p) => p.name));
    const out = [names.has('limit') ? '?limit=200' : ''];
    const join = (q: string) => (out[0] ? `${out[0]}&${q}` : `?${q}`);
    for (const p of params) {
      if (p.schema?.format === 'uuid') for (const id of canaryIds(scope)) out.push(join(`${p.name}=${id}`));
    }
    if (names.has('q')) for (const word of ['quillon', 'zephyrine', 'yestin']) out.push(join(`q=${word}`));
    if (names.has('tag')) out.push(join('tag=zz-b-tag'));
    return out;
  }

  it('answers 401 in the error shape to every non-public route without credentials or with a bad token', async () => {
    const routes = apiRoutes().filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const url = fillPath(r.url, crypto.randomUUID());
      for (const headers of [{}, { authorization: 'Bearer tdg_not-a-real-token' }]) {
        const res = await t.request({ method: r.method as 'GET', url, headers });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
        expect(res.json(), `${r.method} ${r.url}`).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      }
    }
  });

  for (const scope of ['branch', 'root'] as const) {
    it(`never shows ${scope}-level actors of any role a record from ${scope === 'branch' ? 'a sibling unit or ' : ''}another organisation`, async () => {
      const actors = scope === 'branch' ? w.branchActors : w.rootActors;
      const gets = apiRoutes().filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs'));
      for (const actor of actors) {
        for (const r of gets) {
          const urls = r.url.includes(':')
            ? canaryIds(scope).map((id) => fillPath(r.url, id))
            : probeQueries('GET', r.url, scope).map((q) => `${r.url}${q}`);
          for (const url of urls) {
            const res = await send({ method: 'GET', url }, actor.token);
            expect(res.statusCode, `${actor.role} GET ${url}`).toBeLessThan(500);
            expectNoCanary(res.body, url, scope, `${actor.role} GET ${url}`);
          }
        }
      }
    }, 600_000);

    it(`lets no ${scope}-level actor change a record from ${scope === 'branch' ? 'a sibling unit or ' : ''}another organisation`, async () => {
      const actors = scope === 'branch' ? w.branchActors : w.rootActors;
      const writes = apiRoutes().filter((r) => r.method !== 'GET' && r.url.includes(':'));
      for (const actor of actors) {
        for (const r of writes) {
          const body = r.method === 'DELETE' ? undefined : exampleBody(operationOf(doc, r.method, r.url)?.requestBody?.content?.['application/json']?.schema, w);
          for (const id of canaryIds(scope)) {
            const url = fillPath(r.url, id);
            const res = await send({ method: r.method as 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }, actor.token);
            expect(res.statusCode, `${actor.role} ${r.method} ${url} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, `${actor.role} ${r.method} ${url}`).toBeLessThan(500);
            expectNoCanary(res.body, url, scope, `${actor.role} ${r.method} ${url}`);
          }
        }
      }
      // And the planted records are as they were.
      const db = t.ctx.db;
      const ids = [...w.siblingIds, ...w.orgIds];
      expect((await db.select().from(people).where(and(inArray(people.id, ids), isNull(people.deletedAt)))).length).toBe(3);
      expect((await db.select().from(accounts).where(and(inArray(accounts.id, ids), isNull(accounts.disabledAt)))).length).toBe(2);
      expect((await db.select().from(roleGrants).where(inArray(roleGrants.id, ids))).length).toBe(2);
      expect((await db.select().from(tags).where(inArray(tags.id, ids))).length).toBe(1);
      expect((await db.select().from(customFieldDefinitions).where(inArray(customFieldDefinitions.id, ids))).length).toBe(1);
      expect((await db.select().from(units).where(eq(units.id, w.sibling.id)))[0]!.name).toBe('Canarysibling Branch');
    }, 600_000);
  }

  it('has a recipe for every spine route, and no recipe for a route that does not exist', () => {
    const keys = new Set(apiRoutes().map((r) => `${r.method} ${r.url}`));
    const spine = [...keys].filter((k) => spinePrefixes.some((p) => k.split(' ')[1]!.startsWith(p)));
    const publicRoutes = new Set(apiRoutes().filter((r) => r.public).map((r) => `${r.method} ${r.url}`));
    expect(spine.filter((k) => !recipes[k] && !publicRoutes.has(k))).toEqual([]);
    expect(Object.keys(recipes).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('matches the reviewed route × role matrix', async () => {
    const rows: string[] = [];
    for (const [key, recipe] of Object.entries(recipes)) {
      const cells: string[] = [];
      for (const actor of w.branchActors) {
        const inside = await send(await recipe.inScope(w, actor), actor.token);
        expect(inside.statusCode, `${actor.role} ${key}: ${inside.body.slice(0, 200)}`).toBeLessThan(500);
        let cell = String(inside.statusCode);
        if (recipe.outOfScope) {
          const outside = await send(await recipe.outOfScope(w, actor), actor.token);
          expect(outside.statusCode, `${actor.role} ${key} out of scope`).toBeGreaterThanOrEqual(400);
          expect(outside.statusCode).toBeLessThan(500);
          cell += ` · ${outside.statusCode}`;
        }
        cells.push(cell);
      }
      rows.push(`| \`${key}\` | ${cells.join(' | ')} |`);
    }
    const roles = w.branchActors.map((a: MatrixActor) => a.role);
    const permissionRows = Object.entries(rolePermissions).map(([role, perms]) => `| ${role} | ${perms.length ? perms.join(', ') : '—'} |`);
    const publicRows = apiRoutes().filter((r) => r.public).map((r) => `- \`${r.method} ${r.url}\``);
    const md = [
      '# Permission matrix (generated)',
      '',
      'Written by `test/permissionMatrix.test.ts`; a change here is a change in who may do what, so read the diff.',
      'Regenerate with `npx vitest run test/permissionMatrix.test.ts -u`.',
      '',
      '## Roles and permissions',
      '',
      '| role | permissions |',
      '|---|---|',
      ...permissionRows,
      '',
      '## Routes anyone may call without signing in',
      '',
      ...publicRows,
      '',
      '## Answers by role',
      '',
      'Each account holds one role on a branch ("none": signed in, no role). A cell is the status for a',
      'valid request about a record in that branch, then (after ·) for the same request about a record',
      'in a sibling branch. 2xx allowed; 401 signed out; 403 refused; 404 not visible.',
      '',
      `| route | ${roles.join(' | ')} |`,
      `|---|${roles.map(() => '---').join('|')}|`,
      ...rows,
      '',
    ].join('\n');
    expect(matrixRoles).toEqual(roles);
    await expect(md).toMatchFileSnapshot('./permissionMatrix.snapshot.md');
  }, 600_000);
});
