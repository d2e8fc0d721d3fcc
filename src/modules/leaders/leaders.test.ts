import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { accounts, roleGrants } from '../accounts/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { logConversation } from '../ladder/testing/ladderFixtures.ts';
import { leaderDevelopment } from './schema.ts';

describe.each(testDatabaseKinds)('finding leaders on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let q1: { id: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    q1 = await buildPerson(t.ctx.db, w.b1, { firstName: 'Gwen', lastName: 'Price' });
    const { p1, p2, p3 } = w.people;
    // Vera (vol1) is p2: one-to-ones she holds count for p2.
    await t.ctx.db.update(accounts).set({ personId: p2.id }).where(eq(accounts.id, w.accounts.vol1.id));
    await logConversation(t, w.accounts.vol1.token, { people: [p1.id], assessments: [{ scaleKey: 'organising', value: 1 }] });
    const c = await logConversation(t, w.accounts.vol1.token, { people: [p1.id], commitments: [{ ask: 'host', answer: 'yes' }] });
    await t.request({ method: 'PATCH', url: `/api/commitments/${c.commitments[0]!.id}`, token: w.accounts.vol1.token, payload: { status: 'kept' } });
    const rel = (payload: object) => t.request({ method: 'POST', url: '/api/relationships', token: w.accounts.organiser.token, payload });
    await rel({ type: 'recruited', personId: p2.id, otherPersonId: q1.id });
    await rel({ type: 'recruited', personId: p2.id, otherPersonId: p3.id });
    await rel({ type: 'brought', personId: p2.id, otherPersonId: p1.id, eventName: 'Tenants’ meeting', occurredOn: new Date().toISOString().slice(0, 10) });
    // Recruited long ago: outside the default window.
    await rel({ type: 'recruited', personId: p3.id, otherPersonId: p1.id, occurredOn: '2019-01-01' });
  });
  afterAll(() => t.close());

  const get = (url: string, token = w.accounts.organiser.token) => t.request({ method: 'GET', url, token });

  it('ranks potential leaders with the reasons and an explainable score', async () => {
    const res = await get(`/api/leaders?unit=${w.c.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.weights).toEqual({ recruited: 5, brought: 3, one_to_ones_held: 3, one_to_ones_attended: 1, commitments_kept: 2, organising_assessment: 10 });
    const { p1, p2 } = w.people;
    expect(body.items.map((i: { person: { id: string }; score: number }) => [i.person.id, i.score])).toEqual([[p2.id, 19], [p1.id, 14]]);
    expect(body.items[0].reasons).toEqual([
      { signal: 'recruited', count: 2, points: 10 },
      { signal: 'one_to_ones_held', count: 2, points: 6 },
      { signal: 'brought', count: 1, points: 3 },
    ]);
    expect(body.items[1]).toMatchObject({
      reasons: [{ signal: 'organising_assessment', count: 1, points: 10 }, { signal: 'one_to_ones_attended', count: 2, points: 2 }, { signal: 'commitments_kept', count: 1, points: 2 }],
      assessment: { scaleKey: 'organising', value: 1, valueLabel: 'Leader: organises others' },
    });
    // Reading the assessment is a special category read, audited against the person.
    const reads = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conversation.read_sensitive'), eq(auditEvents.entityId, p1.id), eq(auditEvents.actorAccountId, w.accounts.organiser.id)));
    expect(reads.length).toBeGreaterThan(0);
    // A longer window brings the old recruitment in.
    const long = (await get(`/api/leaders?unit=${w.c.id}&days=3650&limit=1`)).json();
    expect(long.items).toHaveLength(1);
    const page2 = (await get(`/api/leaders?unit=${w.c.id}&days=3650&limit=5&cursor=${long.nextCursor}`)).json();
    expect(page2.items.map((i: { person: { id: string } }) => i.person.id)).toContain(w.people.p3.id);
  });

  it('narrows by area and never shows people outside my scope', async () => {
    const byArea = (await get(`/api/leaders?area=E05010732`)).json();
    expect(byArea.items.map((i: { person: { id: string } }) => i.person.id)).toEqual([w.people.p2.id]);
    expect((await get('/api/leaders', w.accounts.siblingOrganiser.token)).json().items).toEqual([]);
    expect((await get(`/api/leaders?unit=${w.c.id}`, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await get('/api/leaders', w.accounts.vol1.token)).statusCode).toBe(403);
    expect((await get('/api/leaders?area=E05999998')).statusCode).toBe(422);
  });

  it('marks a leader in development with a mentor, hands them over, lists and ends it', async () => {
    const { p2 } = w.people;
    const url = `/api/leaders/${p2.id}/develop`;
    const post = (payload: object, token = w.accounts.organiser.token) => t.request({ method: 'POST', url, token, payload });
    const first = await post({ mentorAccountId: w.accounts.organiser.id, note: 'Ready to chair' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ person: { id: p2.id }, mentor: { id: w.accounts.organiser.id }, note: 'Ready to chair', startedBy: { id: w.accounts.organiser.id } });
    expect((await post({ mentorAccountId: w.accounts.organiser.id, note: 'Chairs in May' })).statusCode).toBe(200);
    // Handed over to the admin of the organiser's constituency: someone their directory offers as a mentor.
    const handed = await post({ mentorAccountId: w.accounts.unit_admin.id });
    expect(handed.statusCode, handed.body).toBe(201);
    expect(await t.ctx.db.$count(leaderDevelopment, eq(leaderDevelopment.personId, p2.id))).toBe(2);
    expect((await post({ mentorAccountId: w.accounts.orgBAdmin.id })).statusCode).toBe(422);
    expect((await post({ mentorAccountId: w.accounts.organiser.id }, w.accounts.vol1.token)).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/leaders/${w.people.siblingPerson.id}/develop`, token: w.accounts.organiser.token, payload: { mentorAccountId: w.accounts.organiser.id } })).statusCode).toBe(404);
    const list = (await get('/api/leaders/development')).json();
    expect(list.items).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: p2.id }), mentor: { id: w.accounts.unit_admin.id, displayName: expect.any(String) } })]);
    expect((await get(`/api/leaders/development?mentor=${w.accounts.organiser.id}`)).json().items).toEqual([]);
    expect((await get('/api/leaders/development', w.accounts.siblingOrganiser.token)).json().items).toEqual([]);
    const ranked = (await get(`/api/leaders?unit=${w.c.id}`)).json().items[0];
    expect(ranked.development).toMatchObject({ mentor: { id: w.accounts.unit_admin.id } });
    expect((await t.request({ method: 'DELETE', url, token: w.accounts.organiser.token })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url, token: w.accounts.organiser.token })).statusCode).toBe(404);
    const actions = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'leader_development'))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['leader_development.start', 'leader_development.update', 'leader_development.end']));
  });

  it('takes as a mentor only someone the caller’s directory offers, writing nothing otherwise, and keeps a mentor who has since moved', async () => {
    const db = t.ctx.db;
    const person = await buildPerson(db, w.b1, { firstName: 'Heledd', lastName: 'Rees' });
    const url = `/api/leaders/${person.id}/develop`;
    const post = (payload: object, token = w.accounts.organiser.token) => t.request({ method: 'POST', url, token, payload });
    const owain = await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'organiser' }], { displayName: 'Owain Organiser' });
    const gone = await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'organiser' }], { displayName: 'Gwyn Gone' });
    await db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, gone.account.id));
    const listed = async () => {
      const res = await t.request({ method: 'GET', url: '/api/accounts/directory?can=mentor&limit=200', token: w.accounts.organiser.token });
      return new Set((res.json().items as { id: string }[]).map((i) => i.id));
    };
    const offered = await listed();
    const refused = {
      'a sibling branch': w.accounts.siblingOrganiser.id, 'another organisation': w.accounts.orgBAdmin.id, 'above my scope': w.accounts.rootAdmin.id,
      'a disabled account': gone.account.id, 'a member only': w.accounts.member.id, 'a volunteer (cannot manage leaders)': w.accounts.vol1.id, 'nobody': crypto.randomUUID(),
    };
    const rows = () => db.$count(leaderDevelopment);
    const audits = () => db.$count(auditEvents, eq(auditEvents.entityType, 'leader_development'));
    const [rowsBefore, auditsBefore] = [await rows(), await audits()];
    for (const [label, id] of Object.entries(refused)) {
      expect(offered.has(id), label).toBe(false);
      const res = await post({ mentorAccountId: id, note: 'x' });
      expect(res.statusCode, label).toBe(422);
      expect(res.json().error.details, label).toEqual([{ path: 'mentorAccountId', message: expect.stringMatching(/mentor/) }]);
    }
    expect([await rows(), await audits()]).toEqual([rowsBefore, auditsBefore]);

    expect(offered.has(owain.account.id)).toBe(true);
    expect((await post({ mentorAccountId: owain.account.id, note: 'Runs the tenants’ group' })).statusCode).toBe(201);
    // Owain moves to a sibling branch: naming him again only changes the note; a new mentor from there is refused.
    await db.update(roleGrants).set({ unitId: w.sibling.id }).where(eq(roleGrants.accountId, owain.account.id));
    expect((await listed()).has(owain.account.id)).toBe(false);
    const kept = await post({ mentorAccountId: owain.account.id, note: 'Chairs the tenants’ group' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ mentor: { id: owain.account.id }, note: 'Chairs the tenants’ group' });
    expect((await post({ mentorAccountId: w.accounts.siblingOrganiser.id })).statusCode).toBe(422);
    const [open] = await db.select().from(leaderDevelopment).where(and(eq(leaderDevelopment.personId, person.id), isNull(leaderDevelopment.endedAt)));
    expect(open).toMatchObject({ mentorAccountId: owain.account.id, note: 'Chairs the tenants’ group' });
  });
});
