import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildConversationWorld, fullSubmission, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { commitments } from './schema.ts';

describe.each(testDatabaseKinds)('commitments and follow-ups on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let conv: { id: string; commitments: { id: string; ask: string }[]; followUps: { id: string }[] };
  let siblingConv: { commitments: { id: string }[]; followUps: { id: string }[] };
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    // Days are UK days, as the follow-up lists count them.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const log = async (token: string, body: object) => (await t.request({ method: 'POST', url: '/api/conversations', token, payload: body })).json();
    conv = await log(w.accounts.vol1.token, fullSubmission(w.people.p1.id, {
      commitments: [{ ask: 'attend', answer: 'yes', dueOn: '2025-03-20' }, { ask: 'vote', answer: 'no' }],
      followUps: [{ dueOn: '2020-01-01', reason: 'overdue' }, { dueOn: today, reason: 'today' }, { dueOn: '2099-01-01', reason: 'far off' }, { dueOn: today, reason: 'for vol2', assigneeAccountId: w.accounts.vol2.id }],
    }));
    siblingConv = await log(w.accounts.siblingOrganiser.token, fullSubmission(w.people.siblingPerson.id));
  });
  afterAll(() => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) => t.request({ method, url, token, ...(payload ? { payload } : {}) });

  it('marks a commitment kept in one tap, and only a yes or maybe can be kept', async () => {
    const yes = conv.commitments.find((c) => c.ask === 'attend');
    const no = conv.commitments.find((c) => c.ask === 'vote');
    const kept = await req('PATCH', `/api/commitments/${yes!.id}`, w.accounts.vol1.token, { status: 'kept' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'kept', answer: 'yes', markedAt: expect.any(String) });
    const [row] = await t.ctx.db.select().from(commitments).where(eq(commitments.id, yes!.id));
    expect(row!.markedBy).toBe(w.accounts.vol1.id);
    expect(await t.ctx.db.$count(auditEvents, and(eq(auditEvents.action, 'commitment.update'), eq(auditEvents.entityId, yes!.id)))).toBe(1);
    const refused = await req('PATCH', `/api/commitments/${no!.id}`, w.accounts.vol1.token, { status: 'kept' });
    expect(refused.statusCode).toBe(422);
    // Changing the answer to no reopens a kept commitment.
    expect((await req('PATCH', `/api/commitments/${yes!.id}`, w.accounts.organiser.token, { answer: 'no' })).json()).toMatchObject({ answer: 'no', status: 'open', markedAt: null });
    expect((await req('PATCH', `/api/commitments/${yes!.id}`, w.accounts.vol1.token, {})).statusCode).toBe(422);
  });

  it('lists commitments awaiting an answer that I asked', async () => {
    await req('POST', '/api/conversations', w.accounts.vol1.token, { kind: 'phone', people: [w.people.p2.id], occurredAt: '2025-04-01T10:00:00Z', commitments: [{ ask: 'custom', customText: 'Bring a neighbour', answer: 'awaiting' }] });
    const res = await req('GET', '/api/commitments?askedBy=me&answer=awaiting', w.accounts.vol1.token);
    expect(res.json().items.map((c: { customText: string }) => c.customText)).toEqual(['Bring a neighbour']);
  });

  it('keeps other units’ commitments out of reach', async () => {
    const theirs = siblingConv.commitments[0]!.id;
    expect((await req('PATCH', `/api/commitments/${theirs}`, w.accounts.organiser.token, { status: 'kept' })).statusCode).toBe(404);
    // A volunteer of another branch cannot see this one; a member cannot list any.
    expect((await req('PATCH', `/api/commitments/${conv.commitments[0]!.id}`, w.accounts.vol2b.token, { status: 'kept' })).statusCode).toBe(404);
    expect((await req('GET', '/api/commitments', w.accounts.member.token)).statusCode).toBe(403);
  });

  it('lists my follow-ups due and overdue, soonest first, and marks them done', async () => {
    const overdue = await req('GET', '/api/follow-ups?assignee=me&due=overdue', w.accounts.vol1.token);
    expect(overdue.json().items.map((f: { reason: string }) => f.reason)).toEqual(['overdue']);
    const week = await req('GET', '/api/follow-ups?assignee=me&due=week', w.accounts.vol1.token);
    expect(week.json().items.map((f: { reason: string }) => f.reason)).toEqual(['overdue', 'today']);
    expect((await req('GET', '/api/follow-ups?assignee=me&due=today', w.accounts.vol2.token)).json().items.map((f: { reason: string }) => f.reason)).toEqual(['for vol2']);
    const id = overdue.json().items[0].id;
    const done = await req('PATCH', `/api/follow-ups/${id}`, w.accounts.vol1.token, { done: true });
    expect(done.json()).toMatchObject({ done: true, doneAt: expect.any(String) });
    expect((await req('GET', '/api/follow-ups?assignee=me&due=overdue', w.accounts.vol1.token)).json().items).toEqual([]);
    expect((await req('GET', '/api/follow-ups?assignee=me&due=overdue&status=done', w.accounts.vol1.token)).json().items.map((f: { id: string }) => f.id)).toEqual([id]);
    expect((await req('PATCH', `/api/follow-ups/${siblingConv.followUps[0]!.id}`, w.accounts.organiser.token, { done: true })).statusCode).toBe(404);
    expect((await req('PATCH', `/api/follow-ups/${id}`, w.accounts.vol1.token, { assigneeAccountId: w.accounts.orgBAdmin.id })).statusCode).toBe(422);
  });

  it('adds a follow-up for a person outside a conversation, within scope', async () => {
    const made = await req('POST', '/api/follow-ups', w.accounts.vol1.token, { personId: w.people.p2.id, dueOn: '2099-02-02', reason: 'Ask about the rent rise' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ conversationId: null, assignee: { accountId: w.accounts.vol1.id, displayName: 'Vera Volunteer' } });
    expect((await req('POST', '/api/follow-ups', w.accounts.vol1.token, { personId: w.people.siblingPerson.id, dueOn: '2099-02-02' })).statusCode).toBe(404);
    expect((await req('POST', '/api/follow-ups', w.accounts.dpo.token, { personId: w.people.p2.id, dueOn: '2099-02-02' })).statusCode).toBe(403);
    expect((await req('POST', '/api/follow-ups', w.accounts.vol1.token, { personId: w.people.p2.id, dueOn: '2099-02-30' })).statusCode).toBe(422);
  });
});
