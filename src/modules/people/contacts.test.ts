import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { contactPoints } from './schema.ts';
import { buildPeopleWorld, type PeopleWorld } from './testing/peopleWorld.ts';

describe.each(testDatabaseKinds)('contact points on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let token: string;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    token = w.tokens.volunteer;
    const res = await t.request({ method: 'POST', url: '/api/people', token, payload: { unitId: w.b1.id, firstName: 'Sian', lastName: 'Evans', contacts: [{ kind: 'email', value: 'sian@example.org' }] } });
    personId = res.json().id;
  });
  afterAll(() => t.close());

  const url = (suffix = '') => `/api/people/${personId}/contacts${suffix}`;
  const person = async () => (await t.request({ method: 'GET', url: `/api/people/${personId}`, token })).json();
  const found = async (q: string) => (await t.request({ method: 'GET', url: `/api/people?q=${encodeURIComponent(q)}`, token })).json().items.map((p: { id: string }) => p.id);

  it('adds contacts, keeps one primary per kind, and keeps search in step', async () => {
    const phone = await t.request({ method: 'POST', url: url(), token, payload: { kind: 'phone', value: '+44 7700 900555', label: 'mobile' } });
    expect(phone.statusCode).toBe(201);
    expect(phone.json()).toMatchObject({ kind: 'phone', value: '+44 7700 900555', label: 'mobile', isPrimary: true, status: 'unverified' });
    expect(await found('07700900555')).toEqual([personId]);
    const second = await t.request({ method: 'POST', url: url(), token, payload: { kind: 'email', value: 'sian.work@example.org', label: 'work', isPrimary: true } });
    expect(second.json().isPrimary).toBe(true);
    const p = await person();
    expect(p.primaryEmail).toBe('sian.work@example.org');
    expect(p.contacts.filter((c: { kind: string; isPrimary: boolean }) => c.kind === 'email' && c.isPrimary)).toHaveLength(1);
  });

  it('refuses duplicates and invalid values', async () => {
    const dup = await t.request({ method: 'POST', url: url(), token, payload: { kind: 'email', value: ' SIAN@example.org ' } });
    expect(dup.statusCode).toBe(409);
    const bad = await t.request({ method: 'POST', url: url(), token, payload: { kind: 'phone', value: 'call me maybe' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([{ path: 'value', message: 'Not a valid phone number.' }]);
    const extra = await t.request({ method: 'POST', url: url(), token, payload: { kind: 'email', value: 'a@example.org', normalised: 'x' } });
    expect(extra.statusCode).toBe(422);
  });

  it('changes label and status, moves the primary, and refuses to change the value', async () => {
    const first = (await person()).contacts.find((c: { value: string }) => c.value === 'sian@example.org');
    const res = await t.request({ method: 'PATCH', url: url(`/${first.id}`), token, payload: { status: 'bounced', label: 'home', isPrimary: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'bounced', label: 'home', isPrimary: true });
    const emails = (await person()).contacts.filter((c: { kind: string }) => c.kind === 'email');
    expect(emails.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect((await t.request({ method: 'PATCH', url: url(`/${first.id}`), token, payload: { value: 'x@example.org' } })).statusCode).toBe(422);
    expect((await t.request({ method: 'PATCH', url: url(`/${first.id}`), token, payload: { isPrimary: false } })).statusCode).toBe(422);
    const audit = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, personId), eq(auditEvents.action, 'person.contact_update')));
    expect(audit[0]!.changes).toMatchObject({ status: ['unverified', 'bounced'], label: ['other', 'home'], isPrimary: [false, true] });
  });

  it('removes a primary contact and promotes the next of its kind', async () => {
    const before = (await person()).contacts;
    const primary = before.find((c: { kind: string; isPrimary: boolean }) => c.kind === 'email' && c.isPrimary);
    const del = await t.request({ method: 'DELETE', url: url(`/${primary.id}`), token });
    expect(del.statusCode).toBe(204);
    const after = (await person()).contacts.filter((c: { kind: string }) => c.kind === 'email');
    expect(after).toHaveLength(1);
    expect(after[0].isPrimary).toBe(true);
    expect(await found('sian@example.org')).toEqual([]);
    expect((await t.request({ method: 'DELETE', url: url(`/${primary.id}`), token })).statusCode).toBe(404);
  });

  it('does not reach contacts of people out of scope or through another person', async () => {
    const canary = w.canaries[0]!;
    const [theirs] = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.personId, canary.id));
    expect((await t.request({ method: 'POST', url: `/api/people/${canary.id}/contacts`, token, payload: { kind: 'email', value: 'x@example.org' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: url(`/${theirs!.id}`), token, payload: { status: 'verified' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: url(`/${theirs!.id}`), token })).statusCode).toBe(404);
    const [still] = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.id, theirs!.id));
    expect(still!.status).toBe('unverified');
  });
});
