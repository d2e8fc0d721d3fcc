import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { commitments } from '../commitments/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { issues } from '../issues/schema.ts';
import { people } from '../people/schema.ts';
import { assessments, conversationIssues, conversationOrganisers, conversationPeople, conversations } from './schema.ts';
import { buildConversationWorld, fullSubmission, geo, type ConversationWorld } from './testing/conversationWorld.ts';

describe.each(testDatabaseKinds)('logging conversations on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const post = (payload: unknown, token = w.accounts.vol1.token) => t.request({ method: 'POST', url: '/api/conversations', token, payload: payload as object });

  it('logs a conversation with everything in it, in one go, and shows it back whole', async () => {
    const damp = (await t.ctx.db.select().from(issues).where(and(eq(issues.orgId, w.orgA.id), eq(issues.slug, 'damp-and-mould'))))[0]!;
    const res = await post(fullSubmission(w.people.p1.id, {
      organisers: [w.accounts.vol2.id],
      issues: [{ issueId: damp.id }, { text: 'The 57 bus stopping at six' }],
    }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      kind: 'one_to_one', outcome: 'spoke', durationMinutes: 40, occurredAt: '2025-03-04T18:30:00.000Z', unit: { id: w.b1.id, name: 'Town Branch' },
      people: [{ id: w.people.p1.id, name: 'Alys Morgan' }], createdBy: w.accounts.vol1.id, sensitive: true, canEdit: true, source: 'app',
      notes: { selfInterest: 'Wants her kids to grow up without asthma.', story: 'Moved here in 2019; landlord ignores repairs.' },
    });
    expect(c.organisers.map((o: { accountId: string }) => o.accountId).sort()).toEqual([w.accounts.vol1.id, w.accounts.vol2.id].sort());
    expect(c.issues).toHaveLength(2);
    expect(c.issues.find((i: { issue: { id: string } }) => i.issue.id === damp.id)).toMatchObject({ issue: { label: 'Damp and mould', status: 'approved' }, rawText: null, personIds: [w.people.p1.id] });
    expect(c.issues.find((i: { rawText: string | null }) => i.rawText)).toMatchObject({ issue: { label: 'The 57 bus stopping at six', status: 'proposed' }, rawText: 'The 57 bus stopping at six' });
    expect(c.assessments.map((a: { scale: { key: string }; phase: string; value: number }) => `${a.scale.key}:${a.phase}:${a.value}`).sort()).toEqual(['organising:single:3', 'support:after:7', 'support:before:4']);
    expect(c.commitments).toEqual([expect.objectContaining({ ask: 'attend', answer: 'yes', dueOn: '2025-03-20', status: 'open', personId: w.people.p1.id })]);
    expect(c.followUps).toEqual([expect.objectContaining({ dueOn: '2025-03-11', reason: 'Bring the repairs letter template', done: false, assignee: { accountId: w.accounts.vol1.id, displayName: 'Vera Volunteer' } })]);

    const db = t.ctx.db;
    const [row] = await db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(row).toMatchObject({ orgId: w.orgA.id, unitId: w.b1.id, personId: w.people.p1.id, createdBy: w.accounts.vol1.id });
    const raised = await db.select().from(conversationIssues).where(eq(conversationIssues.conversationId, c.id));
    // Ward copied from the person at the time, for salience by ward.
    expect(raised.map((r) => r.wardCode)).toEqual([geo.armthorpe, geo.armthorpe]);
    const organised = await db.select().from(conversationOrganisers).where(eq(conversationOrganisers.conversationId, c.id));
    expect(organised.every((o) => o.kind === 'one_to_one' && o.personId === w.people.p1.id)).toBe(true);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conversation.create'), eq(auditEvents.entityId, c.id)));
    expect(audit).toMatchObject({ actorAccountId: w.accounts.vol1.id, unitId: w.b1.id });
    // The audit names counts, never what was said.
    expect(JSON.stringify(audit!.changes)).not.toMatch(/asthma|landlord|57 bus/);

    const again = await t.request({ method: 'GET', url: `/api/conversations/${c.id}`, token: w.accounts.vol2.token });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(c);
  });

  it('creates new people inline in the same transaction, with their ward from the postcode', async () => {
    const newId = crypto.randomUUID();
    const res = await post({
      kind: 'doorstep', occurredAt: '2025-04-01T10:00:00+01:00', outcome: 'spoke',
      people: [{ id: newId, firstName: 'Dylan', lastName: 'Hughes', postcode: 'dn33aa', contacts: [{ kind: 'phone', value: '07700 900555' }] }, { firstName: 'Elin' }],
      issues: [{ text: 'Rents', personIds: [newId] }],
      commitments: [{ ask: 'host', answer: 'maybe', personId: newId }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.people.map((p: { name: string }) => p.name)).toEqual(['Dylan Hughes', 'Elin']);
    const [dylan] = await t.ctx.db.select().from(people).where(eq(people.id, newId));
    expect(dylan).toMatchObject({ unitId: w.b1.id, postcode: 'DN3 3AA', wardCode: geo.armthorpe, source: 'app', createdBy: w.accounts.vol1.id });
    expect(c.issues).toEqual([expect.objectContaining({ issue: expect.objectContaining({ label: 'Rents', status: 'approved' }), personIds: [newId] })]);
    expect(c.occurredAt).toBe('2025-04-01T09:00:00.000Z');
  });

  it('lists my conversations newest first with a cursor, and filters them', async () => {
    for (const [i, kind] of (['phone', 'doorstep', 'phone'] as const).entries()) {
      expect((await post({ kind, people: [w.people.p2.id], occurredAt: `2025-05-0${i + 1}T12:00:00Z`, outcome: i === 1 ? 'not_home' : 'spoke' }, w.accounts.vol2.token)).statusCode).toBe(201);
    }
    const page1 = await t.request({ method: 'GET', url: `/api/conversations?organiser=me&person=${w.people.p2.id}&limit=2`, token: w.accounts.vol2.token });
    expect(page1.statusCode).toBe(200);
    const one = page1.json();
    expect(one.items.map((c: { occurredAt: string }) => c.occurredAt)).toEqual(['2025-05-03T12:00:00.000Z', '2025-05-02T12:00:00.000Z']);
    const page2 = await t.request({ method: 'GET', url: `/api/conversations?organiser=me&person=${w.people.p2.id}&limit=2&cursor=${one.nextCursor}`, token: w.accounts.vol2.token });
    expect(page2.json().items.map((c: { occurredAt: string }) => c.occurredAt)).toEqual(['2025-05-01T12:00:00.000Z']);
    expect(page2.json().nextCursor).toBeNull();
    const phones = await t.request({ method: 'GET', url: `/api/conversations?organiser=me&kind=phone&from=2025-05-02&to=2025-05-04`, token: w.accounts.vol2.token });
    expect(phones.json().items.map((c: { occurredAt: string }) => c.occurredAt)).toEqual(['2025-05-03T12:00:00.000Z']);
  });

  it('changes a conversation, keeping the copies on its detail rows in step, and audits without the words', async () => {
    const c = (await post(fullSubmission(w.people.p1.id))).json();
    const res = await t.request({
      method: 'PATCH', url: `/api/conversations/${c.id}`, token: w.accounts.vol1.token,
      payload: { kind: 'house_meeting', occurredAt: '2025-03-05T19:00:00Z', notes: { story: 'Updated story' }, issues: [{ text: 'Wages' }], assessments: [{ scaleKey: 'organising', value: 2 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ kind: 'house_meeting', occurredAt: '2025-03-05T19:00:00.000Z', notes: { selfInterest: 'Wants her kids to grow up without asthma.', story: 'Updated story' } });
    expect(after.issues.map((i: { issue: { label: string } }) => i.issue.label)).toEqual(['Wages']);
    expect(after.assessments.map((a: { value: number }) => a.value)).toEqual([2]);
    const db = t.ctx.db;
    const cp = await db.select().from(conversationPeople).where(eq(conversationPeople.conversationId, c.id));
    expect(cp.map((r) => [r.kind, new Date(r.occurredAt).toISOString()])).toEqual([['house_meeting', '2025-03-05T19:00:00.000Z']]);
    const [cm] = await db.select().from(commitments).where(eq(commitments.conversationId, c.id));
    expect(new Date(cm!.askedAt).toISOString()).toBe('2025-03-05T19:00:00.000Z');
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conversation.update'), eq(auditEvents.entityId, c.id)));
    expect(audit!.changes).toMatchObject({ kind: ['one_to_one', 'house_meeting'], story: 'changed', issues: 1, assessments: 1 });
    expect(JSON.stringify(audit!.changes)).not.toContain('Updated story');
  });

  it('refuses to change or delete a conversation someone else held, unless an organiser of its unit', async () => {
    const c = (await post(fullSubmission(w.people.p1.id))).json();
    // vol2 sees it (Alys is one of their people from the first test) but did not hold it.
    const byOther = await t.request({ method: 'PATCH', url: `/api/conversations/${c.id}`, token: w.accounts.vol2.token, payload: { durationMinutes: 5 } });
    expect(byOther.statusCode).toBe(403);
    const byOrganiser = await t.request({ method: 'PATCH', url: `/api/conversations/${c.id}`, token: w.accounts.organiser.token, payload: { durationMinutes: 5 } });
    expect(byOrganiser.statusCode).toBe(200);
    expect(byOrganiser.json().durationMinutes).toBe(5);
  });

  it('deletes softly with everything recorded in it, and audits it', async () => {
    const c = (await post(fullSubmission(w.people.p1.id))).json();
    const del = await t.request({ method: 'DELETE', url: `/api/conversations/${c.id}`, token: w.accounts.vol1.token });
    expect(del.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/conversations/${c.id}`, token: w.accounts.vol1.token })).statusCode).toBe(404);
    const db = t.ctx.db;
    for (const table of [conversationPeople, conversationIssues, assessments, commitments, followUps]) {
      const rows = await db.select({ deletedAt: table.deletedAt }).from(table).where(eq(table.conversationId, c.id));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.deletedAt !== null)).toBe(true);
    }
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conversation.delete'), eq(auditEvents.entityId, c.id)));
    expect(audit).toBeDefined();
    // Replaying the original submission does not bring it back.
    const replay = await post({ ...fullSubmission(w.people.p1.id), id: c.id });
    expect(replay.statusCode).not.toBe(201);
  });

  it('shows a person whole on their timeline', async () => {
    const res = await t.request({ method: 'GET', url: `/api/people/${w.people.p1.id}/timeline?limit=2`, token: w.accounts.organiser.token });
    expect(res.statusCode, res.body).toBe(200);
    const tl = res.json();
    expect(tl.person).toEqual({ id: w.people.p1.id, firstName: 'Alys', lastName: 'Morgan' });
    expect(tl.conversations.items).toHaveLength(2);
    expect(tl.conversations.nextCursor).not.toBeNull();
    expect(tl.assessments.length).toBeGreaterThanOrEqual(3);
    expect(tl.assessments.every((a: { personId: string }) => a.personId === w.people.p1.id)).toBe(true);
    expect(tl.commitments.length).toBeGreaterThan(0);
    expect(tl.followUps.length).toBeGreaterThan(0);
  });
});
