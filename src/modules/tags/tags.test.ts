import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { personTags, tags } from '../people/schema.ts';
import { buildPeopleWorld, geo, type PeopleWorld } from '../people/testing/peopleWorld.ts';
import { tagSlug } from './slug.ts';

describe('tag slugs', () => {
  it('are lower-case ASCII words joined by hyphens', () => {
    expect(tagSlug('Damp & Mould')).toBe('damp-mould');
    expect(tagSlug('  Café  Owners ')).toBe('cafe-owners');
    expect(tagSlug('!!!')).toBe('');
  });
});

describe.each(testDatabaseKinds)('tags on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, token: string, payload?: object) => t.request({ method, url, token, payload });

  it('creates tags with slugs, refuses duplicates, renames and deletes them, auditing each', async () => {
    const made = await req('POST', '/api/tags', w.tokens.organiser, { name: 'Damp and Mould' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ id: expect.any(String), slug: 'damp-and-mould', name: 'Damp and Mould', count: 0 });
    expect((await req('POST', '/api/tags', w.tokens.organiser, { name: 'damp AND mould!' })).statusCode).toBe(409);
    expect((await req('POST', '/api/tags', w.tokens.organiser, { name: '***' })).statusCode).toBe(422);
    const renamed = await req('PATCH', `/api/tags/${made.json().id}`, w.rootAdmin, { name: 'Damp' });
    expect(renamed.json()).toEqual({ id: made.json().id, slug: 'damp', name: 'Damp' });
    await req('POST', '/api/tags', w.rootAdmin, { name: 'Mould' });
    expect((await req('PATCH', `/api/tags/${made.json().id}`, w.rootAdmin, { name: 'mould' })).statusCode).toBe(409);
    expect((await req('DELETE', `/api/tags/${made.json().id}`, w.rootAdmin)).statusCode).toBe(204);
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, made.json().id))).map((a) => a.action).sort();
    expect(actions).toEqual(['tag.create', 'tag.delete', 'tag.rename']);
  });

  it('needs tag management over the whole organisation to rename or delete', async () => {
    const made = (await req('POST', '/api/tags', w.tokens.organiser, { name: 'Branch made' })).json();
    expect((await req('PATCH', `/api/tags/${made.id}`, w.tokens.organiser, { name: 'Renamed' })).statusCode).toBe(403);
    expect((await req('DELETE', `/api/tags/${made.id}`, w.tokens.unit_admin)).statusCode).toBe(403);
    expect((await req('DELETE', `/api/tags/${made.id}`, w.otherOrgAdmin)).statusCode).toBe(404);
  });

  it('lists tags with counts of people only within my scope, and resolves the organisation', async () => {
    const [housing] = await t.ctx.db.insert(tags).values({ orgId: w.orgA.id, name: 'Housing', slug: 'housing' }).returning();
    await t.ctx.db.insert(tags).values({ orgId: w.orgB.id, name: 'Other org tag', slug: 'other-org-tag' });
    const mine = (await req('POST', '/api/people', w.tokens.organiser, { unitId: w.b1.id, firstName: 'Tagged', tags: ['housing'] })).json();
    await t.ctx.db.insert(personTags).values({ personId: w.canaries[0]!.id, tagId: housing!.id, orgId: w.orgA.id });
    const list = await req('GET', '/api/tags?q=hous', w.tokens.volunteer);
    expect(list.json().items).toEqual([{ id: housing!.id, slug: 'housing', name: 'Housing', count: 1 }]);
    const root = await req('GET', '/api/tags?q=hous', w.rootAdmin);
    expect(root.json().items[0].count).toBe(2);
    const all = await req('GET', '/api/tags?limit=200', w.tokens.volunteer);
    expect(all.json().items.map((x: { slug: string }) => x.slug)).not.toContain('other-org-tag');
    expect((await req('GET', '/api/tags', w.twoOrgs)).statusCode).toBe(422);
    expect((await req('GET', `/api/tags?orgId=${w.orgB.id}`, w.twoOrgs)).json().items.map((x: { slug: string }) => x.slug)).toEqual(['other-org-tag']);
    expect((await req('GET', `/api/tags?orgId=${w.orgB.id}`, w.tokens.organiser)).statusCode).toBe(404);
    expect((await req('GET', '/api/tags', w.tokens.member)).statusCode).toBe(403);
    expect(mine.tags).toEqual([{ slug: 'housing', name: 'Housing' }]);
  });

  it('pages through tags by name', async () => {
    for (const n of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) await req('POST', '/api/tags', w.rootAdmin, { name: `Page ${n}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await req('GET', `/api/tags?q=page&limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.tokens.volunteer);
      seen.push(...res.json().items.map((x: { name: string }) => x.name));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Page Alpha', 'Page Bravo', 'Page Charlie', 'Page Delta', 'Page Echo']);
  });

  it('sets a person’s tags, refusing unknown slugs without changing anything', async () => {
    await t.ctx.db.insert(tags).values([{ orgId: w.orgA.id, name: 'Tenant', slug: 'tenant' }, { orgId: w.orgA.id, name: 'Buses', slug: 'buses' }]).onConflictDoNothing();
    const p = (await req('POST', '/api/people', w.tokens.volunteer, { unitId: w.b1.id, firstName: 'Settags', tags: ['tenant'] })).json();
    const set = await req('PUT', `/api/people/${p.id}/tags`, w.tokens.volunteer, { tags: ['buses', 'housing'] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ tags: [{ slug: 'buses', name: 'Buses' }, { slug: 'housing', name: 'Housing' }] });
    const bad = await req('PUT', `/api/people/${p.id}/tags`, w.tokens.volunteer, { tags: ['tenant', 'nope', 'other-org-tag'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual(['Unknown tag "nope".', 'Unknown tag "other-org-tag".']);
    expect((await req('GET', `/api/people/${p.id}`, w.tokens.volunteer)).json().tags.map((x: { slug: string }) => x.slug)).toEqual(['buses', 'housing']);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'person.tags')));
    expect(audit!.changes).toEqual({ added: expect.arrayContaining(['buses', 'housing']), removed: ['tenant'] });
    expect((await req('PUT', `/api/people/${w.canaries[0]!.id}/tags`, w.tokens.volunteer, { tags: [] })).statusCode).toBe(404);
  });

  it('bulk-tags everyone matching a filter within scope, in one summary audit row', async () => {
    const [bulk] = await t.ctx.db.insert(tags).values({ orgId: w.orgA.id, name: 'Bulk', slug: 'bulk' }).returning();
    for (const n of ['One', 'Two', 'Three']) await req('POST', '/api/people', w.tokens.organiser, { unitId: w.b2.id, firstName: n, lastName: 'Bulkperson', wardCode: geo.bentley });
    const res = await req('POST', '/api/people/bulk-tag', w.tokens.organiser, { filter: { q: 'bulkperson' }, add: ['bulk'] });
    expect(res.json()).toEqual({ matched: 3, added: 3, removed: 0 });
    expect((await req('POST', '/api/people/bulk-tag', w.tokens.organiser, { filter: { q: 'bulkperson' }, add: ['bulk'] })).json()).toEqual({ matched: 3, added: 0, removed: 0 });
    const all = await req('POST', '/api/people/bulk-tag', w.tokens.organiser, { filter: { area: geo.bentley }, add: ['bulk'] });
    expect(all.json().matched).toBe(3);
    const canaryTags = await t.ctx.db.select().from(personTags).where(and(eq(personTags.personId, w.canaries[0]!.id), eq(personTags.tagId, bulk!.id)));
    expect(canaryTags).toEqual([]);
    const removed = await req('POST', '/api/people/bulk-tag', w.tokens.organiser, { filter: { tag: 'bulk' }, remove: ['bulk'] });
    expect(removed.json()).toEqual({ matched: 3, added: 0, removed: 3 });
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.bulk_tag'));
    expect(audits).toHaveLength(4);
    expect(audits.find((a) => (a.changes as { removed: number }).removed === 3)!.changes).toMatchObject({ filter: { tag: 'bulk' }, remove: ['bulk'], matched: 3 });
  });

  it('refuses bulk-tag requests that are empty, contradictory, unknown or not allowed', async () => {
    const before = await t.ctx.db.select().from(personTags);
    const cases: [string, object, number][] = [
      [w.tokens.organiser, { filter: {} }, 422],
      [w.tokens.organiser, { filter: {}, add: ['housing'], remove: ['housing'] }, 422],
      [w.tokens.organiser, { filter: {}, add: ['nope'] }, 422],
      [w.tokens.organiser, { filter: { colour: 'red' }, add: ['housing'] }, 422],
      [w.tokens.organiser, { filter: { area: 'E05999999' }, add: ['housing'] }, 422],
      [w.tokens.dpo, { filter: {}, add: ['housing'] }, 403],
      [w.tokens.member, { filter: {}, add: ['housing'] }, 403],
      [w.twoOrgs, { filter: {}, add: ['housing'] }, 422],
      [w.tokens.organiser, { orgId: w.orgB.id, filter: {}, add: ['other-org-tag'] }, 404],
    ];
    for (const [token, body, status] of cases) expect((await req('POST', '/api/people/bulk-tag', token, body)).statusCode, JSON.stringify(body)).toBe(status);
    expect(await t.ctx.db.select().from(personTags)).toHaveLength(before.length);
  });
});
