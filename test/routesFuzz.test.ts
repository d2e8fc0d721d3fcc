import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from './factories.ts';
import { createTestApp, type TestApp } from './harness.ts';

/**
 * Every route, fed random parameters, queries and bodies by a caller who holds every permission:
 * the answer must never be a 500, and every error must be in the one error shape.
 */
describe('random input to every route', () => {
  let t: TestApp;
  let token: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const { root } = await buildOrg(t.ctx.db);
    const branch = await buildUnit(t.ctx.db, root.id);
    const person = await buildPerson(t.ctx.db, branch);
    ids.push(root.id, branch.id, person.id);
    token = (await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }])).token;
  });
  afterAll(() => t.close());

  const segment = () => fc.oneof(fc.uuid(), fc.constantFrom(...(ids.length ? ids : ['x'])), fc.string({ maxLength: 40 }), fc.constant('E14001198'));
  const body = fc.oneof(
    fc.object({ maxDepth: 2 }),
    fc.dictionary(fc.constantFrom('id', 'unitId', 'email', 'name', 'firstName', 'tags', 'filter', 'areaCodes', 'mapping', 'token', 'role'), fc.anything({ maxDepth: 2 })),
    fc.anything({ maxDepth: 2 }),
  );
  const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'q', 'kind', 'unit', 'area', 'tag', 'sort', 'from', 'to', 'election'), fc.string({ maxLength: 30 }));

  it('never answers 500 and always uses the error shape', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/auth/sign-out-everywhere' && r.url !== '/api/auth/sign-out');
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.array(segment(), { minLength: 4, maxLength: 4 }), body, query, async (segs, payload, q) => {
          let i = 0;
          const path = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(segs[i++]!)).replace('*', 'x');
          const qs = new URLSearchParams(q).toString();
          const res = await t.request({
            method: route.method as 'GET',
            url: qs ? `${path}?${qs}` : path,
            token,
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: payload as object }),
          });
          expect(res.statusCode, `${route.method} ${path} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error, `${route.method} ${path}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }),
        { numRuns: 25 },
      );
    }
  }, 600_000);
});
