import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { contactPoints, people, tags } from './schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from './testing/peopleWorld.ts';

describe.each(testDatabaseKinds)('people CRUD on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    token = w.tokens.organiser;
    await t.ctx.db.insert(tags).values([{ orgId: w.orgA.id, name: 'Housing', slug: 'housing' }, { orgId: w.orgA.id, name: 'Tenant', slug: 'tenant' }]);
  });
  afterAll(() => t.close());

  const post = (payload: unknown, headers: Record<string, string> = {}, as = token) => t.request({ method: 'POST', url: '/api/people', token: as, payload: payload as object, headers });
  const countPeople = async () => (await t.ctx.db.select({ id: people.id }).from(people)).length;

  it('creates a person with contacts, areas, tags and custom fields, and audits it', async () => {
    const res = await post({
      unitId: w.b1.id, firstName: 'Rhian', lastName: 'Price', postcode: 'dn33aa',
      contacts: [{ kind: 'email', value: 'Rhian.Price@Example.org' }, { kind: 'phone', value: '07700 900123', label: 'mobile' }],
      tags: ['housing'], membershipStatus: 'member', joinedOn: '2024-05-01',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      firstName: 'Rhian', lastName: 'Price', postcode: 'DN3 3AA', unit: { id: w.b1.id, name: 'Town Branch' },
      ward: { code: geo.armthorpe, name: 'Armthorpe' }, constituency: { code: geo.doncasterCentral, name: 'Doncaster Central' },
      primaryEmail: 'Rhian.Price@Example.org', primaryPhone: '07700 900123', membershipStatus: 'member', joinedOn: '2024-05-01',
      tags: [{ slug: 'housing', name: 'Housing' }], isDemo: false, customFields: {},
    });
    expect(p.contacts).toHaveLength(2);
    const stored = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.personId, p.id));
    expect(stored.map((c) => c.normalised).sort()).toEqual(['+447700900123', 'rhian.price@example.org']);
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, p.id));
    expect(row!.searchText).toContain('07700900123');
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'person.create')));
    expect(audit).toHaveLength(1);
    const read = await t.request({ method: 'GET', url: `/api/people/${p.id}`, token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(p);
  });

  it('derives the constituency from a ward in one constituency, and not from a straddling one', async () => {
    const one = await post({ unitId: w.b1.id, firstName: 'Ward', wardCode: geo.bessacarr.toLowerCase() });
    expect(one.json()).toMatchObject({ ward: { code: geo.bessacarr }, constituency: { code: geo.doncasterCentral } });
    const split = await post({ unitId: w.b1.id, firstName: 'Split', wardCode: geo.loughgall });
    expect(split.json()).toMatchObject({ ward: { code: geo.loughgall }, constituency: null });
    const chosen = await post({ unitId: w.b1.id, firstName: 'Chosen', wardCode: geo.loughgall, constituencyCode: geo.upperBann });
    expect(chosen.json()).toMatchObject({ constituency: { code: geo.upperBann } });
  });

  it('refuses bad details with every problem listed, writing nothing', async () => {
    const before = await countPeople();
    const res = await post({
      unitId: w.b1.id, firstName: 'Bad', postcode: 'XX9 ZZZZ', wardCode: 'E05999999', constituencyCode: geo.doncasterNorth,
      contacts: [{ kind: 'email', value: 'nope' }, { kind: 'phone', value: '12' }], tags: ['housing', 'no-such-tag'], customFields: { shoe: 9 },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['postcode', 'wardCode', 'contacts.0.value', 'contacts.1.value', 'tags', 'customFields.shoe']));
    expect(body.error.details.find((d: { path: string }) => d.path === 'tags').message).toContain('no-such-tag');
    expect(await countPeople()).toBe(before);
  });

  it('refuses a constituency that does not contain the ward', async () => {
    const res = await post({ unitId: w.b1.id, firstName: 'Mismatch', wardCode: geo.armthorpe, constituencyCode: geo.doncasterNorth });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'constituencyCode', message: expect.stringContaining('does not contain') }]);
  });

  it('rejects unknown fields, malformed JSON and huge bodies in the error shape', async () => {
    const before = await countPeople();
    const extra = await post({ unitId: w.b1.id, firstName: 'X', isDemo: true });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().error.code).toBe('validation_failed');
    const bad = await t.request({ method: 'POST', url: '/api/people', token, headers: { 'content-type': 'application/json' }, payload: '{"firstName":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
    const huge = await post({ unitId: w.b1.id, firstName: 'Big', addressLine1: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const long = await post({ unitId: w.b1.id, firstName: 'y'.repeat(101) });
    expect(long.statusCode).toBe(422);
    // PostgreSQL cannot store NUL in text; it must be refused, not crash the insert.
    const nul = await post({ unitId: w.b1.id, firstName: 'A\u0000B', customFields: { 'k\u0000': 1 } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('bad_request');
    expect((await t.request({ method: 'GET', url: '/api/people?q=a%00b', token })).statusCode).toBe(400);
    expect(await countPeople()).toBe(before);
  });

  it('is idempotent with a client id: same content → 200 and the same person, different → 409', async () => {
    const id = crypto.randomUUID();
    const body = { id, unitId: w.b1.id, firstName: 'Idris', lastName: 'Owen', contacts: [{ kind: 'email', value: 'idris@example.org' }], tags: ['tenant'] };
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const different = await post({ ...body, firstName: 'Someone else' });
    expect(different.statusCode).toBe(409);
    expect(different.json().error.code).toBe('conflict');
    expect((await t.ctx.db.select().from(people).where(eq(people.id, id)))).toHaveLength(1);
    expect((await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, id)))).toHaveLength(1);
  });

  it('is idempotent with an Idempotency-Key header', async () => {
    const before = await countPeople();
    const key = `key-${crypto.randomUUID()}`;
    const body = { unitId: w.b1.id, firstName: 'Keyed', lastName: 'Retry' };
    const first = await post(body, { 'idempotency-key': key });
    const second = await post(body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await countPeople()).toBe(before + 1);
  });

  it('updates fields, re-derives areas from a new postcode, merges custom fields, and audits the difference', async () => {
    const created = (await post({ unitId: w.b1.id, firstName: 'Gwen', lastName: 'Morgan', wardCode: geo.armthorpe })).json();
    const res = await t.request({ method: 'PATCH', url: `/api/people/${created.id}`, token, payload: { lastName: 'Morgan-Jones', postcode: 'DN5 0AA', membershipStatus: 'supporter' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lastName: 'Morgan-Jones', postcode: 'DN5 0AA', ward: { code: geo.bentley }, constituency: { code: geo.doncasterNorth }, membershipStatus: 'supporter' });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'person.update')));
    expect(audit!.changes).toMatchObject({ lastName: ['Morgan', 'Morgan-Jones'], wardCode: [geo.armthorpe, geo.bentley], membershipStatus: ['none', 'supporter'] });
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, created.id));
    expect(row!.searchText).toContain('morgan-jones');
    const bad = await t.request({ method: 'PATCH', url: `/api/people/${created.id}`, token, payload: { constituencyCode: geo.doncasterCentral } });
    expect(bad.statusCode).toBe(422);
    const unknown = await t.request({ method: 'PATCH', url: `/api/people/${created.id}`, token, payload: { orgId: w.orgB.id } });
    expect(unknown.statusCode).toBe(422);
  });

  it('moves a person between units it may update in, and not to another organisation or out of scope', async () => {
    const p = (await post({ unitId: w.b1.id, firstName: 'Mover' })).json();
    const moved = await t.request({ method: 'PATCH', url: `/api/people/${p.id}`, token, payload: { unitId: w.b2.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().unit).toEqual({ id: w.b2.id, name: 'Outer Branch' });
    const away = await t.request({ method: 'PATCH', url: `/api/people/${p.id}`, token, payload: { unitId: w.sibling.id } });
    expect(away.statusCode).toBe(422);
    const otherOrg = await t.request({ method: 'PATCH', url: `/api/people/${p.id}`, token: w.twoOrgs, payload: { unitId: w.otherBranch.id } });
    expect(otherOrg.statusCode).toBe(422);
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, p.id));
    expect(row!.unitId).toBe(w.b2.id);
  });

  it('soft-deletes: the person leaves lists, counts and detail, and the deletion is audited', async () => {
    const p = (await post({ unitId: w.b1.id, firstName: 'Leaving', lastName: 'Zzdelete' })).json();
    const del = await t.request({ method: 'DELETE', url: `/api/people/${p.id}`, token });
    expect(del.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/people/${p.id}`, token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/people?q=zzdelete', token })).json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/people/count?q=zzdelete', token })).json()).toEqual({ count: 0 });
    expect((await t.request({ method: 'DELETE', url: `/api/people/${p.id}`, token })).statusCode).toBe(404);
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, p.id));
    expect(row!.deletedAt).not.toBeNull();
    expect(await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'person.delete')))).toHaveLength(1);
  });

  it('documents every people, tag and custom field route in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/people', '/api/people/count', '/api/people/{id}', '/api/people/{id}/contacts', '/api/people/{id}/contacts/{contactId}', '/api/people/{id}/tags', '/api/people/bulk-tag', '/api/tags', '/api/tags/{id}', '/api/custom-fields', '/api/custom-fields/{id}']) {
      expect(paths).toContain(p);
    }
    expect(doc.paths['/api/people'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});
