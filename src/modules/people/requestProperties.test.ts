import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { execute } from '../../db/execute.ts';
import { sql } from 'drizzle-orm';
import { customFieldDefinitions, tags } from './schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from './testing/peopleWorld.ts';

// Values that have broken parsers before: wrong types, edge numbers, odd strings, deep nesting.
const nasty = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', ' ', '\u0000', '😀', '0'.repeat(400), 'DN3 3AA', '07700 900123', '2024-02-30', 'a@b', '../../etc', "'; drop table people; --", '%_\\', geo.armthorpe, '00000000-0000-0000-0000-000000000000'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);
const contact = fc.record({ kind: fc.oneof(fc.constantFrom('email', 'phone'), nasty), value: fc.oneof(fc.constantFrom('x@example.org', '07700 900001'), nasty), label: nasty, isPrimary: nasty, status: nasty }, { requiredKeys: [] });
const keys = ['id', 'unitId', 'firstName', 'lastName', 'addressLine1', 'postcode', 'wardCode', 'constituencyCode', 'membershipStatus', 'joinedOn', 'customFields', 'contacts', 'tags', 'source', 'extra'] as const;

describe.each(testDatabaseKinds)('random requests on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    await t.ctx.db.insert(tags).values({ orgId: w.orgA.id, name: 'Housing', slug: 'housing' });
    await t.ctx.db.insert(customFieldDefinitions).values({ orgId: w.orgA.id, key: 'tenure', label: 'Tenure', type: 'single_choice', choices: ['Owner', 'Renter'] });
    personId = (await t.request({ method: 'POST', url: '/api/people', token: w.rootAdmin, payload: { unitId: w.b1.id, firstName: 'Fixed' } })).json().id;
  });
  afterAll(() => t.close());

  const snapshot = async () => JSON.stringify(await execute(t.ctx.db, sql`
    select (select count(*) from people) p, (select max(updated_at) from people) u, (select count(*) from contact_points) c,
      (select count(*) from person_tags) pt, (select count(*) from tags) t, (select count(*) from custom_field_definitions) f,
      (select count(*) from audit_events) a`));

  // Near-valid bodies: every field either right, missing, or replaced by something nasty.
  const personBody = (unitId: string) => fc.record({
    id: fc.oneof(fc.uuid(), nasty), unitId: fc.oneof(fc.constant(unitId), nasty), firstName: fc.oneof(fc.constant('Ann'), nasty),
    lastName: nasty, addressLine1: nasty, postcode: nasty, wardCode: nasty, constituencyCode: nasty, membershipStatus: fc.oneof(fc.constant('member'), nasty),
    joinedOn: nasty, customFields: fc.oneof(fc.constant({ tenure: 'Owner' }), fc.dictionary(fc.constantFrom('tenure', 'x'), nasty), nasty),
    contacts: fc.oneof(fc.array(contact, { maxLength: 3 }), nasty), tags: fc.oneof(fc.constant(['housing']), fc.array(nasty, { maxLength: 3 }), nasty),
    source: nasty, extra: nasty,
  }, { requiredKeys: [] }).filter((b) => Object.keys(b).some((k) => keys.includes(k as never)));

  const routes: [string, (body: unknown) => { method: 'POST' | 'PATCH' | 'PUT'; url: string }, fc.Arbitrary<unknown>][] = [
    ['POST /people', () => ({ method: 'POST', url: '/api/people' }), personBody('')],
    ['PATCH /people/:id', () => ({ method: 'PATCH', url: `/api/people/${personId}` }), personBody('')],
    ['POST /people/:id/contacts', () => ({ method: 'POST', url: `/api/people/${personId}/contacts` }), fc.oneof(contact, nasty)],
    ['PUT /people/:id/tags', () => ({ method: 'PUT', url: `/api/people/${personId}/tags` }), fc.record({ tags: fc.oneof(fc.array(nasty, { maxLength: 3 }), nasty), extra: nasty }, { requiredKeys: [] })],
    ['POST /people/bulk-tag', () => ({ method: 'POST', url: '/api/people/bulk-tag' }), fc.record({ filter: fc.oneof(fc.dictionary(fc.constantFrom('unit', 'area', 'tag', 'membership', 'q', 'x'), nasty), nasty), add: fc.oneof(fc.array(nasty, { maxLength: 2 }), nasty), remove: nasty }, { requiredKeys: [] })],
    ['POST /tags', () => ({ method: 'POST', url: '/api/tags' }), fc.record({ name: nasty, orgId: nasty, slug: nasty }, { requiredKeys: [] })],
    ['POST /custom-fields', () => ({ method: 'POST', url: '/api/custom-fields' }), fc.record({ key: nasty, label: nasty, type: fc.oneof(fc.constantFrom('text', 'single_choice'), nasty), choices: fc.oneof(fc.array(nasty, { maxLength: 3 }), nasty), required: nasty }, { requiredKeys: [] })],
  ];

  for (const [name, target, body] of routes) {
    it(`${name}: random bodies never give a 500, and a refusal writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          // For person bodies, aim most at a real unit so that deeper validation is reached.
          if (name.includes('/people') && payload && typeof payload === 'object' && 'unitId' in payload && (payload as { unitId: unknown }).unitId === '') (payload as { unitId: string }).unitId = w.b1.id;
          const before = await snapshot();
          const res = await t.request({ ...target(payload), token: w.rootAdmin, payload: payload as object });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error.code).toEqual(expect.any(String));
            expect(await snapshot()).toBe(before);
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('random query strings on the list never give a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('unit', 'area', 'tag', 'membership', 'q', 'sort', 'limit', 'cursor', 'x'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('E05010729', 'name', '-created', 'W10=', '0', '-1'))), async (query) => {
        const res = await t.request({ method: 'GET', url: '/api/people', query, token: w.rootAdmin });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('forged cursors never give a 500', async () => {
    const part = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.uuid(), fc.constantFrom('2024-02-30T10:00:00.000000Z', '9999-99-99T99:99:99.999999Z', '2024-05-01T10:00:00.123456Z', 'a\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('name', '-created', '-updated'), fc.array(part, { minLength: 2, maxLength: 3 }), async (sort, key) => {
        const cursor = Buffer.from(JSON.stringify(key)).toString('base64url');
        const res = await t.request({ method: 'GET', url: `/api/people?sort=${sort}&cursor=${cursor}`, token: w.rootAdmin });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});
