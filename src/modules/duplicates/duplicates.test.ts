import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { accounts } from '../accounts/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { importRowKeys } from '../imports/schema.ts';
import { importClient } from '../imports/testing/importHelpers.ts';
import { contactPoints, people, personTags, tags } from '../people/schema.ts';
import { buildPeopleWorld, type PeopleWorld } from '../people/testing/peopleWorld.ts';
import { notMoved, personReferences } from './personReferences.ts';

describe.each(testDatabaseKinds)('duplicates and merge on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
  });
  afterAll(() => t.close());
  const db = () => t.ctx.db;
  const duplicates = (token: string, query = '') => t.request({ method: 'GET', url: `/api/people/duplicates?limit=100${query}`, token });
  const merge = (payload: object, token = w.tokens.organiser) => t.request({ method: 'POST', url: '/api/people/merge', token, payload });

  it('finds groups by email, phone and name with postcode, only among people I may merge', async () => {
    const a = await buildPerson(db(), w.b1, { firstName: 'Gwen', lastName: 'Email', email: 'same.email@example.org', phone: null });
    const b = await buildPerson(db(), w.b2, { firstName: 'Gwendolyn', lastName: 'Email', email: 'same.email@example.org', phone: null });
    const c = await buildPerson(db(), w.b1, { firstName: 'Pat', lastName: 'Phone', email: null, phone: '+447700900901' });
    const d = await buildPerson(db(), w.b1, { firstName: 'Patrick', lastName: 'Phone', email: null, phone: '+447700900901' });
    const e = await buildPerson(db(), w.b1, { firstName: 'Sam', lastName: 'Name', email: null, phone: null, postcode: 'DN3 3AA' });
    const f = await buildPerson(db(), w.b2, { firstName: 'sam', lastName: 'NAME', email: null, phone: null, postcode: 'DN3 3AA' });
    // Canaries share the email in another unit and another organisation.
    await buildPerson(db(), w.sibling, { firstName: 'Canary', lastName: 'Dup', email: 'same.email@example.org', phone: '+447700900901' });
    await buildPerson(db(), w.otherBranch, { firstName: 'Canary', lastName: 'Dup', email: 'same.email@example.org', phone: '+447700900901' });

    const res = await duplicates(w.tokens.organiser);
    expect(res.statusCode, res.body).toBe(200);
    const groups = res.json().items as { reason: string; strength: string; key: string; people: { id: string }[] }[];
    const simple = groups.map((g) => ({ reason: g.reason, strength: g.strength, key: g.key, ids: g.people.map((p) => p.id).sort() }));
    expect(simple).toEqual([
      { reason: 'email', strength: 'strong', key: 'same.email@example.org', ids: [a.id, b.id].sort() },
      { reason: 'phone', strength: 'strong', key: '+447700900901', ids: [c.id, d.id].sort() },
      { reason: 'name_postcode', strength: 'suggestion', key: 'sam name, DN3 3AA', ids: [e.id, f.id].sort() },
    ]);
    const onlyB1 = await duplicates(w.tokens.organiser, `&unit=${w.b1.id}`);
    expect(onlyB1.json().items.map((g: { reason: string }) => g.reason)).toEqual(['phone']);
    const page1 = await t.request({ method: 'GET', url: '/api/people/duplicates?limit=2', token: w.tokens.organiser });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await t.request({ method: 'GET', url: `/api/people/duplicates?limit=2&cursor=${page1.json().nextCursor}`, token: w.tokens.organiser });
    expect(page2.json().items.map((g: { reason: string }) => g.reason)).toEqual(['name_postcode']);
    expect(page2.json().nextCursor).toBeNull();
    expect((await duplicates(w.tokens.volunteer)).statusCode).toBe(403);
    // The whole-organisation admin also sees the sibling canary in the email group, never the other organisation's.
    const wide = (await duplicates(w.rootAdmin)).json().items.find((g: { reason: string }) => g.reason === 'email');
    expect(wide.people).toHaveLength(3);
    expect(wide.people.map((p: { id: string }) => p.id)).not.toContain(w.canaries[1]!.id);
  });

  it('merges: fields by choice, everything attached moves, others soft-deleted with a pointer, audited', async () => {
    await db().insert(tags).values([{ orgId: w.orgA.id, name: 'Merge A', slug: 'merge-a' }, { orgId: w.orgA.id, name: 'Merge B', slug: 'merge-b' }]);
    const [ta, tb] = await db().select().from(tags).where(inArray(tags.slug, ['merge-a', 'merge-b'])).orderBy(tags.slug);
    const survivor = await buildPerson(db(), w.b1, { firstName: 'Surv', lastName: 'Ivor', email: 'keep@example.org', phone: '+447700900111', town: null, customFields: { union: 'Unite' } });
    const other1 = await buildPerson(db(), w.b2, { firstName: 'Chosen', lastName: 'Name', email: 'keep@example.org', phone: '+447700900222', town: 'Armthorpe', membershipNumber: 'M-1', customFields: { union: 'GMB', languages: ['Welsh'] } });
    const other2 = await buildPerson(db(), w.b1, { firstName: 'Third', lastName: 'Record', email: 'third@example.org', phone: null });
    await db().update(contactPoints).set({ status: 'opted_out' }).where(and(eq(contactPoints.personId, other1.id), eq(contactPoints.kind, 'email')));
    await db().insert(personTags).values([
      { personId: survivor.id, tagId: ta!.id, orgId: w.orgA.id }, { personId: other1.id, tagId: ta!.id, orgId: w.orgA.id },
      { personId: other1.id, tagId: tb!.id, orgId: w.orgA.id }, { personId: other2.id, tagId: tb!.id, orgId: w.orgA.id },
    ]);
    await db().insert(importRowKeys).values({ orgId: w.orgA.id, rowHash: `test-${other2.id}`, personId: other2.id });
    const linked = await buildAccount(t.ctx, []);
    await db().update(accounts).set({ personId: other1.id }).where(eq(accounts.id, linked.account.id));

    const res = await merge({ survivorId: survivor.id, otherIds: [other1.id, other2.id], choices: { firstName: other1.id, 'custom:union': other1.id } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.mergedIds).toEqual([other1.id, other2.id]);
    expect(body.survivor).toMatchObject({ id: survivor.id, firstName: 'Chosen', lastName: 'Ivor', town: 'Armthorpe', membershipNumber: 'M-1', customFields: { union: 'GMB', languages: ['Welsh'] } });
    expect(body.survivor.unit.id).toBe(w.b1.id);

    const contacts = await db().select().from(contactPoints).where(eq(contactPoints.personId, survivor.id));
    expect(contacts.map((c) => `${c.normalised}:${c.status}:${c.isPrimary}`).sort()).toEqual([
      '+447700900111:unverified:true', '+447700900222:unverified:false', 'keep@example.org:opted_out:true', 'third@example.org:unverified:false',
    ]);
    const survivorTags = await db().select().from(personTags).where(eq(personTags.personId, survivor.id));
    expect(survivorTags.map((x) => x.tagId).sort()).toEqual([ta!.id, tb!.id].sort());
    for (const ref of personReferences) {
      const [left] = await t.ctx.database.query<{ n: number }>(`select count(*)::int as n from ${ref.table} where ${ref.column} = any($1::uuid[])`, [[other1.id, other2.id]]);
      expect(left!.n, ref.table).toBe(0);
    }
    expect((await db().select().from(importRowKeys).where(eq(importRowKeys.rowHash, `test-${other2.id}`)))[0]!.personId).toBe(survivor.id);
    expect((await db().select().from(accounts).where(eq(accounts.id, linked.account.id)))[0]!.personId).toBe(survivor.id);
    const gone = await db().select().from(people).where(inArray(people.id, [other1.id, other2.id]));
    for (const g of gone) expect(g).toMatchObject({ mergedInto: survivor.id, deletedAt: expect.any(Date) });
    const [stored] = await db().select().from(people).where(eq(people.id, survivor.id));
    expect(stored!.searchText).toContain('third@example.org');

    const audit = await db().select().from(auditEvents).where(inArray(auditEvents.action, ['people.merge', 'people.merged_into']));
    const main = audit.find((a) => a.action === 'people.merge' && a.entityId === survivor.id)!;
    expect(main.changes).toMatchObject({ mergedIds: [other1.id, other2.id], fields: { firstName: ['Surv', 'Chosen'], town: [null, 'Armthorpe'] } });
    expect(audit.filter((a) => a.action === 'people.merged_into').map((a) => a.entityId).sort()).toEqual([other1.id, other2.id].sort());
    // A merged record cannot be merged again.
    expect((await merge({ survivorId: survivor.id, otherIds: [other1.id] })).statusCode).toBe(404);
  });

  it('a later merge of the survivor moves earlier pointers along, and re-importing a merged row changes nothing', async () => {
    const api = importClient(t, { token: w.tokens.organiser, unitId: w.b1.id });
    const csv = 'First name,Surname\nOnly,Name\n';
    await api.importCsv(csv);
    const [first] = await db().select().from(people).where(and(eq(people.firstName, 'Only'), eq(people.lastName, 'Name')));
    const second = await buildPerson(db(), w.b1, { firstName: 'Only', lastName: 'Name' });
    const third = await buildPerson(db(), w.b1, { firstName: 'Only', lastName: 'Name' });
    expect((await merge({ survivorId: second.id, otherIds: [first!.id] })).statusCode).toBe(200);
    expect((await merge({ survivorId: third.id, otherIds: [second.id] })).statusCode).toBe(200);
    const [old] = await db().select().from(people).where(eq(people.id, first!.id));
    expect(old!.mergedInto).toBe(third.id);
    const again = await api.importCsv(csv);
    expect(again).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('refuses merges across scope, without merge rights, or with bad input', async () => {
    const mine = await buildPerson(db(), w.b1, { firstName: 'Mine' });
    const mine2 = await buildPerson(db(), w.b2, { firstName: 'Mine2' });
    const sibling = await buildPerson(db(), w.sibling, { firstName: 'Sib' });
    expect((await merge({ survivorId: mine.id, otherIds: [sibling.id] })).statusCode).toBe(404);
    expect((await merge({ survivorId: mine.id, otherIds: [w.canaries[1]!.id] }, w.rootAdmin)).statusCode).toBe(404);
    expect((await merge({ survivorId: mine.id, otherIds: [mine2.id] }, w.tokens.volunteer)).statusCode).toBe(403);
    const mixed = await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'organiser' }, { unitId: w.b2.id, role: 'volunteer' }]);
    const refused = await merge({ survivorId: mine.id, otherIds: [mine2.id] }, mixed.token);
    expect(refused.statusCode).toBe(403);
    expect((await merge({ survivorId: mine.id, otherIds: [mine.id] })).statusCode).toBe(422);
    expect((await merge({ survivorId: mine.id, otherIds: [mine2.id], choices: { firstName: w.canaries[0]!.id } })).statusCode).toBe(422);
    expect((await merge({ survivorId: mine.id, otherIds: [mine2.id], choices: { id: mine2.id } })).statusCode).toBe(422);
    expect((await merge({ survivorId: mine.id, otherIds: [mine2.id], extra: true })).statusCode).toBe(422);
    const untouched = await db().select().from(people).where(inArray(people.id, [mine.id, mine2.id, sibling.id]));
    expect(untouched.every((p) => p.deletedAt === null)).toBe(true);
  });

  it('knows every column that points at a person', async () => {
    // Named like a person reference, or a foreign key to people(id).
    const columns = await t.ctx.database.query<{ ref: string }>(`
      select table_name || '.' || column_name as ref from information_schema.columns
      where table_schema = 'public' and (column_name = 'person_id' or column_name like '%\\_person\\_id')
      union
      select kcu.table_name || '.' || kcu.column_name from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
      where kcu.table_schema = 'public' and ccu.table_name = 'people' and ccu.column_name = 'id'
      order by 1`);
    const listed = new Set([...personReferences.map((r) => `${r.table}.${r.column}`), ...notMoved]);
    expect(columns.length).toBeGreaterThan(3);
    expect(columns.map((c) => c.ref).filter((ref) => !listed.has(ref))).toEqual([]);
  });
});
