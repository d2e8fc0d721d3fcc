import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { execute } from '../../db/execute.ts';
import { accounts, roleGrants } from '../accounts/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { conversationOrganisers } from './schema.ts';
import { buildConversationWorld, fullSubmission, type ConversationWorld } from './testing/conversationWorld.ts';

const TABLES = ['conversations', 'conversation_people', 'conversation_organisers', 'conversation_issues', 'assessments', 'commitments', 'follow_ups', 'people', 'issues', 'audit_events'];

/**
 * Co-organisers read a conversation's notes, so naming a colleague (co-organiser, follow-up
 * assignee) is limited to the accounts the caller's directory offers: never someone in a sibling
 * branch, another organisation, a disabled account or one that cannot log conversations.
 */
describe.each(testDatabaseKinds)('naming colleagues on conversations and follow-ups on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  const extra = {} as Record<'memberB1' | 'goneB1' | 'siblingVol' | 'orgBVol' | 'mover', { id: string; token: string }>;
  let refused: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    const make = async (unitId: string, role: 'member' | 'volunteer', displayName: string) => {
      const made = await buildAccount(t.ctx, [{ unitId, role }], { displayName });
      return { id: made.account.id, token: made.token };
    };
    extra.memberB1 = await make(w.b1.id, 'member', 'Mali Member');
    extra.goneB1 = await make(w.b1.id, 'volunteer', 'Gethin Gone');
    extra.siblingVol = await make(w.sibling.id, 'volunteer', 'Sian Sibling');
    extra.orgBVol = await make(w.otherBranch.id, 'volunteer', 'Osian Other');
    extra.mover = await make(w.b1.id, 'volunteer', 'Tomos Mover');
    await t.ctx.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, extra.goneB1.id));
    refused = {
      'a volunteer of a sibling branch': extra.siblingVol.id,
      'an organiser of a sibling branch': w.accounts.siblingOrganiser.id,
      'a volunteer of the neighbouring branch': w.accounts.vol2b.id,
      'an account of another organisation': extra.orgBVol.id,
      'a disabled account': extra.goneB1.id,
      'a member-only account': extra.memberB1.id,
      'a DPO (cannot log)': w.accounts.dpo.id,
      'no account at all': crypto.randomUUID(),
    };
  });
  afterAll(() => t.close());

  const counts = async () => (await execute<Record<string, number>>(t.ctx.db, sql.raw(`select ${TABLES.map((x) => `(select count(*)::int from ${x}) as ${x}`).join(', ')}`)))[0]!;
  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) => t.request({ method, url, token, ...(payload ? { payload } : {}) });
  const directory = async (token: string) => {
    const res = await req('GET', '/api/accounts/directory?can=log&limit=200', token);
    expect(res.statusCode).toBe(200);
    return new Set((res.json().items as { id: string }[]).map((i) => i.id));
  };
  const paths = (res: { json: () => { error: { details: { path: string; message: string }[] } } }) => res.json().error.details;

  it('refuses co-organisers the directory does not offer, writing nothing, and takes a co-volunteer', async () => {
    const offered = await directory(w.accounts.vol1.token);
    expect(offered.has(w.accounts.vol2.id)).toBe(true);
    const before = await counts();
    for (const [label, id] of Object.entries(refused)) {
      expect(offered.has(id), label).toBe(false);
      const res = await req('POST', '/api/conversations', w.accounts.vol1.token, fullSubmission(w.people.p1.id, { organisers: [w.accounts.vol2.id, id] }));
      expect(res.statusCode, `${label}: ${res.body}`).toBe(422);
      expect(paths(res), label).toEqual([{ path: 'organisers.1', message: expect.stringMatching(/logs conversations in your units/) }]);
    }
    expect(await counts()).toEqual(before);

    const ok = await req('POST', '/api/conversations', w.accounts.vol1.token, fullSubmission(w.people.p1.id, { organisers: [w.accounts.vol2.id, w.accounts.vol1.id] }));
    expect(ok.statusCode, ok.body).toBe(201);
    // The co-volunteer reads the notes as a co-organiser.
    const seen = await req('GET', `/api/conversations/${ok.json().id}`, w.accounts.vol2.token);
    expect(seen.json()).toMatchObject({ sensitive: true, notes: { story: expect.any(String) } });
  });

  it('refuses follow-up assignees the directory does not offer, in a conversation and on their own, writing nothing', async () => {
    const before = await counts();
    for (const [label, id] of Object.entries(refused)) {
      const logged = await req('POST', '/api/conversations', w.accounts.vol1.token, fullSubmission(w.people.p1.id, {
        followUps: [{ dueOn: '2025-03-11' }, { dueOn: '2025-03-12', assigneeAccountId: id }],
      }));
      expect(logged.statusCode, label).toBe(422);
      expect(paths(logged), label).toEqual([{ path: 'followUps.1.assigneeAccountId', message: expect.any(String) }]);
      const added = await req('POST', '/api/follow-ups', w.accounts.vol1.token, { personId: w.people.p2.id, dueOn: '2099-01-01', assigneeAccountId: id });
      expect(added.statusCode, label).toBe(422);
      expect(paths(added), label).toEqual([{ path: 'assigneeAccountId', message: expect.any(String) }]);
    }
    expect(await counts()).toEqual(before);

    const logged = await req('POST', '/api/conversations', w.accounts.vol1.token, fullSubmission(w.people.p1.id, { followUps: [{ dueOn: '2025-03-11', assigneeAccountId: w.accounts.vol2.id }] }));
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json().followUps).toEqual([expect.objectContaining({ assignee: { accountId: w.accounts.vol2.id, displayName: 'Walt Volunteer' } })]);
    const added = await req('POST', '/api/follow-ups', w.accounts.vol1.token, { personId: w.people.p2.id, dueOn: '2099-01-01', assigneeAccountId: w.accounts.vol2.id });
    expect(added.statusCode, added.body).toBe(201);

    // Handing an existing follow-up on: the same rule, and the row stays as it was when refused.
    const id = added.json().id as string;
    for (const [label, other] of Object.entries(refused)) {
      const res = await req('PATCH', `/api/follow-ups/${id}`, w.accounts.vol1.token, { assigneeAccountId: other, reason: 'changed' });
      expect(res.statusCode, label).toBe(422);
      expect(paths(res), label).toEqual([{ path: 'assigneeAccountId', message: expect.any(String) }]);
    }
    const [row] = await t.ctx.db.select().from(followUps).where(eq(followUps.id, id));
    expect(row).toMatchObject({ assigneeAccountId: w.accounts.vol2.id, reason: '' });
    expect((await req('PATCH', `/api/follow-ups/${id}`, w.accounts.vol1.token, { assigneeAccountId: w.accounts.vol1.id })).statusCode).toBe(200);
  });

  it('keeps co-organisers and assignees who have since left the scope on an edit that leaves them alone, and checks only those added', async () => {
    const { mover } = extra;
    const logged = await req('POST', '/api/conversations', w.accounts.vol1.token, fullSubmission(w.people.p1.id, {
      organisers: [mover.id], followUps: [{ dueOn: '2025-03-11', assigneeAccountId: mover.id }],
    }));
    expect(logged.statusCode, logged.body).toBe(201);
    const c = logged.json() as { id: string; followUps: { id: string }[] };
    // Tomos moves to the sibling branch: no longer someone Vera may name.
    await t.ctx.db.update(roleGrants).set({ unitId: w.sibling.id }).where(eq(roleGrants.accountId, mover.id));
    expect((await directory(w.accounts.vol1.token)).has(mover.id)).toBe(false);
    const held = async () => (await t.ctx.db.select({ id: conversationOrganisers.accountId }).from(conversationOrganisers).where(eq(conversationOrganisers.conversationId, c.id))).map((r) => r.id).sort();
    const patch = (payload: object) => req('PATCH', `/api/conversations/${c.id}`, w.accounts.vol1.token, payload);

    const unchanged = await patch({ organisers: [mover.id], durationMinutes: 10 });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect((await patch({ durationMinutes: 12 })).statusCode).toBe(200);
    expect(await held()).toEqual([w.accounts.vol1.id, mover.id].sort());

    const before = await counts();
    const added = await patch({ organisers: [mover.id, extra.siblingVol.id], durationMinutes: 99 });
    expect(added.statusCode).toBe(422);
    expect(paths(added)).toEqual([{ path: 'organisers.1', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
    expect((await req('GET', `/api/conversations/${c.id}`, w.accounts.vol1.token)).json().durationMinutes).toBe(12);

    // Adding a co-volunteer beside him is fine; once he is taken off, he cannot be put back.
    expect((await patch({ organisers: [w.accounts.vol2.id, mover.id] })).statusCode).toBe(200);
    expect(await held()).toEqual([w.accounts.vol1.id, w.accounts.vol2.id, mover.id].sort());
    expect((await patch({ organisers: [w.accounts.vol2.id] })).statusCode).toBe(200);
    const back = await patch({ organisers: [w.accounts.vol2.id, mover.id] });
    expect(back.statusCode).toBe(422);
    expect(paths(back)).toEqual([{ path: 'organisers.1', message: expect.any(String) }]);
    expect(await held()).toEqual([w.accounts.vol1.id, w.accounts.vol2.id].sort());

    // His follow-up stays his when only its date changes.
    const moved = await req('PATCH', `/api/follow-ups/${c.followUps[0]!.id}`, w.accounts.vol1.token, { assigneeAccountId: mover.id, dueOn: '2025-03-18' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ assignee: { accountId: mover.id }, dueOn: '2025-03-18' });
  });

  it('lets an organiser of the constituency name volunteers of either branch below it, never of a sibling one', async () => {
    const organiser = w.accounts.organiser;
    const ok = await req('POST', '/api/conversations', organiser.token, fullSubmission(w.people.p3.id, {
      organisers: [w.accounts.vol1.id, w.accounts.vol2b.id], followUps: [{ dueOn: '2025-03-11', assigneeAccountId: w.accounts.vol2.id }],
    }));
    expect(ok.statusCode, ok.body).toBe(201);
    const no = await req('POST', '/api/conversations', organiser.token, fullSubmission(w.people.p3.id, { organisers: [w.accounts.rootAdmin.id, w.accounts.siblingOrganiser.id] }));
    expect(no.statusCode).toBe(422);
    expect(paths(no).map((d) => d.path)).toEqual(['organisers.0', 'organisers.1']);
  });
});
