import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import type { Role } from '../accounts/schema.ts';
import { contactPoints, customFieldDefinitions, people, personTags, tags } from './schema.ts';
import { allRoles, buildPeopleWorld, type PeopleWorld } from './testing/peopleWorld.ts';

type Expect = Record<Role, number>;
const all = (status: number): Expect => ({ member: status, volunteer: status, organiser: status, unit_admin: status, dpo: status, national_admin: status });
const readers = (ok: number, member = 404): Expect => ({ ...all(ok), member });
const writers = (ok: number, dpo = 403, member = 404): Expect => ({ ...all(ok), dpo, member });

interface Target { id: string; contactId: string; firstName: string }
interface Fixture { w: PeopleWorld; tagA: string; fieldA: string; tagB: string; fieldB: string }
interface RouteCase {
  name: string;
  call(token: string, target: Target, f: Fixture): { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };
  inScope: Expect;
  // Calls against records outside the caller's units (a sibling party's person, another organisation's).
  outside?: (f: Fixture, canary: Target) => { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };
  outScope?: Expect;
}

const personOut = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT', suffix: (c: Target) => string, payload?: object): RouteCase['outside'] =>
  (_f, c) => ({ method, url: `/api/people/${c.id}${suffix(c)}`, payload });

const cases: RouteCase[] = [
  { name: 'GET /people', call: (_t, p) => ({ method: 'GET', url: `/api/people?q=${p.firstName}` }), inScope: all(200) },
  { name: 'GET /people/count', call: (_t, p) => ({ method: 'GET', url: `/api/people/count?q=${p.firstName}` }), inScope: all(200) },
  { name: 'GET /people/:id', call: (_t, p) => ({ method: 'GET', url: `/api/people/${p.id}` }), inScope: readers(200), outside: personOut('GET', () => ''), outScope: all(404) },
  {
    name: 'POST /people', call: (_t, _p, f) => ({ method: 'POST', url: '/api/people', payload: { unitId: f.w.b1.id, firstName: 'Made' } }),
    inScope: { ...writers(201), member: 403 },
    outside: (f, c) => ({ method: 'POST', url: '/api/people', payload: { unitId: c.firstName === 'Canary0' ? f.w.sibling.id : f.w.otherBranch.id, firstName: 'Made' } }),
    outScope: { ...all(422), member: 403, dpo: 403 },
  },
  { name: 'PATCH /people/:id', call: (_t, p) => ({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { lastName: 'Changed' } }), inScope: writers(200), outside: personOut('PATCH', () => '', { lastName: 'Changed' }), outScope: all(404) },
  { name: 'DELETE /people/:id', call: (_t, p) => ({ method: 'DELETE', url: `/api/people/${p.id}` }), inScope: { ...writers(204), volunteer: 403 }, outside: personOut('DELETE', () => ''), outScope: all(404) },
  { name: 'POST /people/:id/contacts', call: (_t, p) => ({ method: 'POST', url: `/api/people/${p.id}/contacts`, payload: { kind: 'email', value: 'new@example.org' } }), inScope: writers(201), outside: personOut('POST', () => '/contacts', { kind: 'email', value: 'new@example.org' }), outScope: all(404) },
  { name: 'PATCH /people/:id/contacts/:cid', call: (_t, p) => ({ method: 'PATCH', url: `/api/people/${p.id}/contacts/${p.contactId}`, payload: { status: 'verified' } }), inScope: writers(200), outside: personOut('PATCH', (c) => `/contacts/${c.contactId}`, { status: 'verified' }), outScope: all(404) },
  { name: 'DELETE /people/:id/contacts/:cid', call: (_t, p) => ({ method: 'DELETE', url: `/api/people/${p.id}/contacts/${p.contactId}` }), inScope: writers(204), outside: personOut('DELETE', (c) => `/contacts/${c.contactId}`), outScope: all(404) },
  { name: 'PUT /people/:id/tags', call: (_t, p) => ({ method: 'PUT', url: `/api/people/${p.id}/tags`, payload: { tags: ['perm-a'] } }), inScope: writers(200), outside: personOut('PUT', () => '/tags', { tags: [] }), outScope: all(404) },
  {
    name: 'POST /people/bulk-tag', call: (_t, p) => ({ method: 'POST', url: '/api/people/bulk-tag', payload: { filter: { q: p.firstName }, add: ['perm-a'] } }),
    inScope: { ...writers(200), member: 403 },
    outside: (f, c) => ({ method: 'POST', url: '/api/people/bulk-tag', payload: { filter: { unit: c.firstName === 'Canary0' ? f.w.sibling.id : f.w.otherBranch.id }, add: ['perm-a'] } }),
    outScope: { ...all(200), member: 403, dpo: 403 },
  },
  {
    name: 'POST /people/bulk-tag in another organisation', call: (_t, p) => ({ method: 'POST', url: '/api/people/bulk-tag', payload: { filter: { q: p.firstName }, remove: ['perm-a'] } }),
    inScope: { ...writers(200), member: 403 },
    outside: (f) => ({ method: 'POST', url: '/api/people/bulk-tag', payload: { orgId: f.w.orgB.id, filter: {}, add: ['perm-b'] } }),
    outScope: { ...all(404), member: 403, dpo: 403 },
  },
  { name: 'GET /tags', call: () => ({ method: 'GET', url: '/api/tags' }), inScope: readers(200, 403), outside: (f) => ({ method: 'GET', url: `/api/tags?orgId=${f.w.orgB.id}` }), outScope: all(404) },
  {
    name: 'POST /tags', call: (t) => ({ method: 'POST', url: '/api/tags', payload: { name: `Tag ${t.slice(-6)}` } }),
    inScope: { ...all(201), member: 403, volunteer: 403, dpo: 403 },
    outside: (f) => ({ method: 'POST', url: '/api/tags', payload: { orgId: f.w.orgB.id, name: 'Sneaky' } }), outScope: all(404),
  },
  { name: 'PATCH /tags/:id', call: (_t, _p, f) => ({ method: 'PATCH', url: `/api/tags/${f.tagA}`, payload: { name: 'Renamed' } }), inScope: readers(403), outside: (f) => ({ method: 'PATCH', url: `/api/tags/${f.tagB}`, payload: { name: 'Renamed' } }), outScope: all(404) },
  { name: 'DELETE /tags/:id', call: (_t, _p, f) => ({ method: 'DELETE', url: `/api/tags/${f.tagA}` }), inScope: readers(403), outside: (f) => ({ method: 'DELETE', url: `/api/tags/${f.tagB}` }), outScope: all(404) },
  { name: 'GET /custom-fields', call: () => ({ method: 'GET', url: '/api/custom-fields' }), inScope: readers(200, 403), outside: (f) => ({ method: 'GET', url: `/api/custom-fields?orgId=${f.w.orgB.id}` }), outScope: all(404) },
  {
    name: 'POST /custom-fields', call: () => ({ method: 'POST', url: '/api/custom-fields', payload: { key: 'perm_field', label: 'P', type: 'text' } }), inScope: all(403),
    outside: (f) => ({ method: 'POST', url: '/api/custom-fields', payload: { orgId: f.w.orgB.id, key: 'perm_field', label: 'P', type: 'text' } }), outScope: all(404),
  },
  { name: 'PATCH /custom-fields/:id', call: (_t, _p, f) => ({ method: 'PATCH', url: `/api/custom-fields/${f.fieldA}`, payload: { label: 'X' } }), inScope: readers(403), outside: (f) => ({ method: 'PATCH', url: `/api/custom-fields/${f.fieldB}`, payload: { label: 'X' } }), outScope: all(404) },
  { name: 'DELETE /custom-fields/:id', call: (_t, _p, f) => ({ method: 'DELETE', url: `/api/custom-fields/${f.fieldA}` }), inScope: readers(403), outside: (f) => ({ method: 'DELETE', url: `/api/custom-fields/${f.fieldB}` }), outScope: all(404) },
];

describe.each(testDatabaseKinds)('people permissions on %s', (kind) => {
  let t: TestApp;
  let f: Fixture;
  let canaries: Target[];
  let canaryState: string;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const w = await buildPeopleWorld(t);
    const [tagA] = await t.ctx.db.insert(tags).values({ orgId: w.orgA.id, name: 'Perm A', slug: 'perm-a' }).returning();
    const [tagB] = await t.ctx.db.insert(tags).values({ orgId: w.orgB.id, name: 'Perm B', slug: 'perm-b' }).returning();
    const [fieldA] = await t.ctx.db.insert(customFieldDefinitions).values({ orgId: w.orgA.id, key: 'a_field', label: 'A', type: 'text' }).returning();
    const [fieldB] = await t.ctx.db.insert(customFieldDefinitions).values({ orgId: w.orgB.id, key: 'b_field', label: 'B', type: 'text' }).returning();
    f = { w, tagA: tagA!.id, fieldA: fieldA!.id, tagB: tagB!.id, fieldB: fieldB!.id };
    canaries = [];
    for (const [i, c] of w.canaries.entries()) {
      await t.ctx.db.update(people).set({ firstName: `Canary${i}` }).where(eq(people.id, c.id));
      const [cp] = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.personId, c.id)).limit(1);
      canaries.push({ id: c.id, contactId: cp!.id, firstName: `Canary${i}` });
    }
    canaryState = await snapshotCanaries();
  });
  afterAll(() => t.close());

  async function snapshotCanaries() {
    const ids = canaries.map((c) => c.id);
    const rows = await t.ctx.db.select().from(people);
    const cps = await t.ctx.db.select().from(contactPoints);
    const pts = await t.ctx.db.select().from(personTags);
    return JSON.stringify([rows.filter((r) => ids.includes(r.id)), cps.filter((r) => ids.includes(r.personId)), pts.filter((r) => ids.includes(r.personId))]);
  }
  async function freshTarget(): Promise<Target> {
    const firstName = `Target${(n += 1)}x`;
    const p = await buildPerson(t.ctx.db, f.w.b1, { firstName });
    const [cp] = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.personId, p.id)).limit(1);
    return { id: p.id, contactId: cp!.id, firstName };
  }
  const send = (token: string, r: ReturnType<RouteCase['call']>): Promise<LightMyRequestResponse> => t.request({ ...r, token });

  for (const route of cases) {
    for (const role of allRoles) {
      it(`${route.name} as ${role}: inside scope → ${route.inScope[role]}`, async () => {
        const token = f.w.tokens[role];
        const target = await freshTarget();
        const res = await send(token, route.call(token, target, f));
        expect(res.statusCode, res.body).toBe(route.inScope[role]);
        if (res.statusCode >= 400) expect(Object.keys(res.json().error)).toEqual(expect.arrayContaining(['code', 'message']));
        if (route.name === 'GET /people') expect(res.json().items.map((p: { id: string }) => p.id)).toEqual(role === 'member' ? [] : [target.id]);
        if (route.name === 'GET /people/count') expect(res.json()).toEqual({ count: role === 'member' ? 0 : 1 });
        if (route.name.startsWith('POST /people/bulk-tag') && res.statusCode === 200) expect(res.json().matched).toBe(1);
      });
      if (route.outside) {
        it(`${route.name} as ${role}: outside scope → ${route.outScope![role]}`, async () => {
          for (const canary of canaries) {
            const res = await send(f.w.tokens[role], route.outside!(f, canary));
            expect(res.statusCode, `${canary.firstName}: ${res.body}`).toBe(route.outScope![role]);
            if (res.statusCode === 200 && route.name.startsWith('POST /people/bulk-tag')) expect(res.json().matched).toBe(0);
            if (res.statusCode === 404 || res.statusCode === 403) expect(res.body).not.toContain(canary.firstName);
          }
        });
      }
    }
  }

  it('canaries never appear in any list or count, and were never changed', async () => {
    for (const role of allRoles) {
      const token = f.w.tokens[role];
      for (const q of ['canary', 'canary0', 'canary1', '']) {
        const list = await t.request({ method: 'GET', url: `/api/people?limit=200&q=${q}`, token });
        expect(list.body).not.toMatch(/Canary\d/);
        if (q) expect((await t.request({ method: 'GET', url: `/api/people/count?q=${q}`, token })).json()).toEqual({ count: 0 });
      }
    }
    expect(await snapshotCanaries()).toBe(canaryState);
  });
});
