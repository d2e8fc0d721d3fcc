import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { conversationIssues } from '../conversations/schema.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { issues } from './schema.ts';

describe.each(testDatabaseKinds)('the issue taxonomy on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) => t.request({ method, url, token, ...(payload ? { payload } : {}) });
  type View = { id: string; label: string; status: string; categoryId: string | null; proposedByMe: boolean };

  it('lists categories and approved issues; anyone who logs may propose, and sees their own proposals', async () => {
    const vol = w.accounts.vol1.token;
    const tax = (await req('GET', '/api/issues', vol)).json();
    expect(tax.orgId).toBe(w.orgA.id);
    expect(tax.categories.map((c: { label: string }) => c.label)).toContain('Housing');
    expect(tax.issues.map((i: View) => i.label)).toEqual(expect.arrayContaining(['Damp and mould', 'Buses', 'NHS']));
    const proposed = await req('POST', '/api/issues', vol, { label: 'Fly-tipping behind the shops' });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ status: 'proposed', proposedByMe: true });
    const same = await req('POST', '/api/issues', w.accounts.vol2.token, { label: 'fly tipping behind  the shops!' });
    expect(same.statusCode).toBe(200);
    expect(same.json().id).toBe(proposed.json().id);
    // Another volunteer does not see someone else's proposal; an organiser does.
    expect((await req('GET', '/api/issues', w.accounts.vol2.token)).json().issues.map((i: View) => i.id)).not.toContain(proposed.json().id);
    expect((await req('GET', '/api/issues?status=proposed', w.accounts.organiser.token)).json().issues.map((i: View) => i.id)).toContain(proposed.json().id);
    // An organiser's own addition is approved at once.
    expect((await req('POST', '/api/issues', w.accounts.organiser.token, { label: 'Post office closing' })).json().status).toBe('approved');
    expect((await req('GET', '/api/issues', w.accounts.member.token)).statusCode).toBe(403);
    expect((await req('GET', '/api/issues', w.accounts.orgBAdmin.token)).json().issues.map((i: View) => i.id)).not.toContain(proposed.json().id);
  });

  it('lets organisers approve, and reject a duplicate by merging what was raised into another issue', async () => {
    const org = w.accounts.organiser.token;
    const housing = (await req('GET', '/api/issues', org)).json().categories.find((c: { label: string }) => c.label === 'Housing').id;
    const p = (await req('POST', '/api/issues', w.accounts.vol1.token, { label: 'Black mould' })).json();
    expect((await req('POST', `/api/issues/${p.id}/approve`, w.accounts.vol1.token, {})).statusCode).toBe(403);
    const approved = await req('POST', `/api/issues/${p.id}/approve`, org, { categoryId: housing });
    expect(approved.json()).toMatchObject({ status: 'approved', categoryId: housing });

    // "Mould in the flat" raised twice (once with damp too): merged into Damp and mould, counted once per person and conversation.
    const log = (issuesRaised: object[]) => req('POST', '/api/conversations', w.accounts.vol1.token, { kind: 'doorstep', people: [w.people.p1.id], occurredAt: '2025-01-10T10:00:00Z', issues: issuesRaised });
    const damp = (await t.ctx.db.select().from(issues).where(and(eq(issues.orgId, w.orgA.id), eq(issues.slug, 'damp-and-mould'))))[0]!;
    const c1 = (await log([{ text: 'Mould in the flat' }])).json();
    const c2 = (await log([{ text: 'Mould in the flat' }, { issueId: damp.id }])).json();
    const mould = c1.issues[0].issue.id;
    const merged = await req('POST', `/api/issues/${mould}/reject`, org, { mergeIntoId: damp.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'rejected', mergedIntoId: damp.id });
    const rows = await t.ctx.db.select().from(conversationIssues).where(eq(conversationIssues.personId, w.people.p1.id));
    expect(rows.filter((r) => r.conversationId === c1.id).map((r) => [r.issueId, r.rawText])).toEqual([[damp.id, 'Mould in the flat']]);
    expect(rows.filter((r) => r.conversationId === c2.id).map((r) => r.issueId)).toEqual([damp.id]);
    // Typing the merged words again files them under the surviving issue.
    const c3 = (await log([{ text: 'mould in the flat' }])).json();
    expect(c3.issues[0].issue.id).toBe(damp.id);
    expect(await t.ctx.db.$count(auditEvents, and(eq(auditEvents.action, 'issue.reject'), eq(auditEvents.entityId, mould)))).toBe(1);
    // Merging into something that is not an approved issue of the organisation is refused.
    const other = (await req('POST', '/api/issues', w.accounts.vol1.token, { label: 'Something else' })).json();
    expect((await req('POST', `/api/issues/${other.id}/reject`, org, { mergeIntoId: other.id })).statusCode).toBe(422);
    expect((await req('POST', `/api/issues/${other.id}/reject`, org, { mergeIntoId: mould })).statusCode).toBe(422);
    // A rejected issue (not merged) can no longer be chosen by id.
    const plain = await req('POST', `/api/issues/${other.id}/reject`, org);
    expect(plain.statusCode, plain.body).toBe(200);
    const chosen = await log([{ issueId: other.id }]);
    expect(chosen.statusCode).toBe(422);
  });

  it('keeps categories for organisers: add, rename, archive, and delete only when unused', async () => {
    const org = w.accounts.organiser.token;
    const made = await req('POST', '/api/issues/categories', org, { label: 'Digital exclusion', sortOrder: 90 });
    expect(made.statusCode).toBe(201);
    expect((await req('POST', '/api/issues/categories', org, { label: 'digital  exclusion' })).statusCode).toBe(409);
    expect((await req('POST', '/api/issues/categories', w.accounts.vol1.token, { label: 'Nope' })).statusCode).toBe(403);
    const id = made.json().id;
    expect((await req('PATCH', `/api/issues/categories/${id}`, org, { label: 'Digital access', archived: true })).json()).toMatchObject({ label: 'Digital access', archived: true });
    expect((await req('GET', '/api/issues', w.accounts.vol1.token)).json().categories.map((c: { id: string }) => c.id)).not.toContain(id);
    const issue = (await req('POST', '/api/issues', org, { label: 'No broadband', categoryId: id })).json();
    expect((await req('DELETE', `/api/issues/categories/${id}`, org)).statusCode).toBe(409);
    expect((await req('PATCH', `/api/issues/${issue.id}`, org, { categoryId: null })).json().categoryId).toBeNull();
    expect((await req('DELETE', `/api/issues/categories/${id}`, org)).statusCode).toBe(204);
    expect((await req('POST', '/api/issues', org, { label: 'x', categoryId: crypto.randomUUID() })).statusCode).toBe(422);
    // Another organisation's issues and categories are not found.
    const theirs = (await req('POST', '/api/issues/categories', w.accounts.orgBAdmin.token, { label: 'Theirs' })).json();
    expect((await req('PATCH', `/api/issues/categories/${theirs.id}`, org, { label: 'Mine' })).statusCode).toBe(404);
    expect((await req('POST', `/api/issues/${issue.id}/approve`, w.accounts.orgBAdmin.token, {})).statusCode).toBe(404);
  });
});
