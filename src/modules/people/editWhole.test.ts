import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildPeopleWorld, type PeopleWorld } from './testing/peopleWorld.ts';

interface Contact { id: string; kind: string; value: string; label: string; isPrimary: boolean; status: string }

/** One edit of a person's details, contacts and tags is one transaction: all of it lands, or none. */
describe.each(testDatabaseKinds)('editing a person whole on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    token = w.tokens.organiser;
    for (const name of ['Tenant', 'Housing', 'Steward']) await t.request({ method: 'POST', url: '/api/tags', token, payload: { name } });
  });
  afterAll(() => t.close());

  async function newPerson() {
    const res = await t.request({ method: 'POST', url: '/api/people', token, payload: {
      unitId: w.b1.id, firstName: 'Megan', lastName: 'Pryce', tags: ['tenant'],
      contacts: [{ kind: 'email', value: 'megan@example.org', label: 'home' }, { kind: 'phone', value: '07700 900101', label: 'mobile' }, { kind: 'email', value: 'old@example.org' }],
    } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; contacts: Contact[] };
  }
  const get = async (id: string) => (await t.request({ method: 'GET', url: `/api/people/${id}`, token })).json();
  const patch = (id: string, payload: object) => t.request({ method: 'PATCH', url: `/api/people/${id}`, token, payload });

  it('changes details, keeps, replaces, adds and removes contacts, and sets tags in one request', async () => {
    const p = await newPerson();
    const [home, mobile] = [p.contacts.find((c) => c.value === 'megan@example.org')!, p.contacts.find((c) => c.kind === 'phone')!];
    const res = await patch(p.id, {
      lastName: 'Pryce-Jones',
      contacts: [
        { id: home.id, kind: 'email', value: 'megan@example.org', label: 'work' },
        { id: mobile.id, kind: 'phone', value: '07700 900202', label: 'mobile' },
        { kind: 'email', value: 'megan.new@example.org', label: 'home', isPrimary: true },
      ],
      tags: ['housing', 'steward'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get(p.id);
    expect(after.lastName).toBe('Pryce-Jones');
    const contacts = (after.contacts as Contact[]).map((c) => [c.kind, c.value, c.label, c.isPrimary]).sort();
    expect(contacts).toEqual([
      ['email', 'megan.new@example.org', 'home', true],
      ['email', 'megan@example.org', 'work', false],
      ['phone', '07700 900202', 'mobile', true],
    ]);
    // The kept contact is the same record; the one whose value changed is a new one.
    expect(after.contacts.find((c: Contact) => c.value === 'megan@example.org').id).toBe(home.id);
    expect(after.contacts.find((c: Contact) => c.kind === 'phone').id).not.toBe(mobile.id);
    expect([...after.tags.map((x: { slug: string }) => x.slug)].sort()).toEqual(['housing', 'steward']);
    // Search follows the new name and number.
    const found = (await t.request({ method: 'GET', url: `/api/people?q=${encodeURIComponent('07700900202')}`, token })).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    // Every step is audited under the one request.
    const rows = (await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'person'), eq(auditEvents.entityId, p.id)))).filter((r) => r.action !== 'person.create');
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(1);
    expect(rows.map((r) => r.action).sort()).toEqual(['person.contact_add', 'person.contact_add', 'person.contact_remove', 'person.contact_remove', 'person.contact_update', 'person.tags', 'person.update']);
  });

  it('leaves contacts and tags alone when the request does not mention them', async () => {
    const p = await newPerson();
    expect((await patch(p.id, { firstName: 'Meg' })).statusCode).toBe(200);
    const after = await get(p.id);
    expect(after.contacts).toHaveLength(3);
    expect(after.tags.map((x: { slug: string }) => x.slug)).toEqual(['tenant']);
    // An empty list does remove them all.
    expect((await patch(p.id, { contacts: [], tags: [] })).statusCode).toBe(200);
    const emptied = await get(p.id);
    expect([emptied.contacts.length, emptied.tags.length]).toEqual([0, 0]);
  });

  it('refuses the whole edit, naming every bad part, and changes nothing', async () => {
    const p = await newPerson();
    const before = await get(p.id);
    const other = await newPerson();
    const cases: [object, { path: string }[]][] = [
      [{ lastName: 'Changed', wardCode: 'E05999999', contacts: [{ kind: 'email', value: 'a@example.org' }, { kind: 'phone', value: 'ring me' }] },
        [{ path: 'contacts.1.value' }, { path: 'wardCode' }]],
      [{ lastName: 'Changed', contacts: [{ kind: 'email', value: 'a@example.org' }, { kind: 'email', value: ' A@example.org' }] }, [{ path: 'contacts.1.value' }]],
      [{ lastName: 'Changed', contacts: [{ kind: 'email', value: 'a@example.org', isPrimary: true }, { kind: 'email', value: 'b@example.org', isPrimary: true }] }, [{ path: 'contacts' }]],
      [{ lastName: 'Changed', contacts: [{ id: other.contacts[0]!.id, kind: 'email', value: 'megan@example.org' }] }, [{ path: 'contacts.0.id' }]],
      [{ lastName: 'Changed', contacts: [], tags: ['tenant', 'no-such-tag'] }, [{ path: 'tags' }]],
    ];
    for (const [payload, paths] of cases) {
      const res = await patch(p.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => ({ path: d.path })), JSON.stringify(payload)).toEqual(paths);
      const now = await get(p.id);
      expect(now.lastName).toBe(before.lastName);
      expect(now.contacts).toEqual(before.contacts);
      expect(now.tags).toEqual(before.tags);
    }
  });
});
