import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { logConversation } from '../ladder/testing/ladderFixtures.ts';
import { relationships } from './schema.ts';

describe.each(testDatabaseKinds)('relationships and my people on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const post = (payload: unknown, token = w.accounts.vol1.token) => t.request({ method: 'POST', url: '/api/relationships', token, payload: payload as object });
  const get = (url: string, token = w.accounts.vol1.token) => t.request({ method: 'GET', url, token });

  it('records a tie once, whichever way round, with kind and strength, and audits it', async () => {
    const { p1, p2 } = w.people;
    const res = await post({ type: 'tie', personId: p1.id, otherPersonId: p2.id, kind: 'neighbour', strength: 4 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'tie', kind: 'neighbour', strength: 4, person: { id: p1.id, firstName: 'Alys' }, otherPerson: { id: p2.id }, eventName: null, occurredOn: null });
    const again = await post({ type: 'tie', personId: p2.id, otherPersonId: p1.id, kind: 'friend', strength: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ existingId: res.json().id });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'relationship.create'), eq(auditEvents.entityId, res.json().id)));
    expect(audit).toMatchObject({ actorAccountId: w.accounts.vol1.id, changes: { type: 'tie', kind: 'neighbour', strength: 4 } });
  });

  it('refuses bad links in the error shape, writing nothing', async () => {
    const { p1, p2, p3, siblingPerson, otherPerson } = w.people;
    const before = await t.ctx.db.$count(relationships);
    const cases: [unknown, number][] = [
      [{ type: 'tie', personId: p1.id, otherPersonId: p1.id, kind: 'friend', strength: 3 }, 422],
      [{ type: 'tie', personId: p1.id, otherPersonId: p2.id, kind: 'lover', strength: 3 }, 422],
      [{ type: 'tie', personId: p1.id, otherPersonId: p2.id, kind: 'friend', strength: 6 }, 422],
      [{ type: 'tie', personId: p1.id, otherPersonId: p2.id, kind: 'friend' }, 422],
      [{ type: 'brought', personId: p1.id, otherPersonId: p2.id, occurredOn: '2025-02-30' }, 422],
      [{ type: 'recruited', personId: p1.id, otherPersonId: p2.id, extra: 1 }, 422],
      // People the caller cannot read are unknown, whether in another unit or another organisation.
      [{ type: 'tie', personId: p1.id, otherPersonId: p3.id, kind: 'friend', strength: 3 }, 422],
      [{ type: 'tie', personId: p1.id, otherPersonId: siblingPerson.id, kind: 'friend', strength: 3 }, 422],
      [{ type: 'tie', personId: otherPerson.id, otherPersonId: p1.id, kind: 'friend', strength: 3 }, 422],
    ];
    for (const [body, status] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // A member may read nobody; a DPO reads but may not change people.
    expect((await post({ type: 'tie', personId: p1.id, otherPersonId: p2.id, kind: 'friend', strength: 3 }, w.accounts.member.token)).statusCode).toBe(403);
    expect((await post({ type: 'recruited', personId: p1.id, otherPersonId: p3.id }, w.accounts.dpo.token)).statusCode).toBe(403);
    expect(await t.ctx.db.$count(relationships)).toBe(before);
  });

  it('records who recruited and who brought whom, once each', async () => {
    const { p1, p2, p3 } = w.people;
    const organiser = w.accounts.organiser.token;
    const rec = await post({ type: 'recruited', personId: p2.id, otherPersonId: p3.id, occurredOn: '2025-01-10' }, organiser);
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json()).toMatchObject({ type: 'recruited', occurredOn: '2025-01-10', kind: null, strength: null });
    const second = await post({ type: 'recruited', personId: p1.id, otherPersonId: p3.id }, organiser);
    expect(second.statusCode).toBe(409);
    const brought = await post({ type: 'brought', personId: p1.id, otherPersonId: p3.id, eventName: 'Estate listening meeting', occurredOn: '2025-02-01' }, organiser);
    expect(brought.statusCode, brought.body).toBe(201);
    expect((await post({ type: 'brought', personId: p1.id, otherPersonId: p3.id, eventName: 'Estate listening meeting', occurredOn: '2025-02-01' }, organiser)).statusCode).toBe(409);
    expect((await post({ type: 'brought', personId: p1.id, otherPersonId: p3.id, eventName: 'Estate listening meeting', occurredOn: '2025-03-01' }, organiser)).statusCode).toBe(201);
  });

  it('lists a person’s links showing only those between people the caller may read', async () => {
    const { p1, p3 } = w.people;
    const asOrganiser = await get(`/api/relationships?person=${p1.id}`, w.accounts.organiser.token);
    expect(asOrganiser.statusCode).toBe(200);
    expect(asOrganiser.json().items.map((r: { type: string }) => r.type).sort()).toEqual(['brought', 'brought', 'tie']);
    // The volunteer on B1 cannot read p3 (in B2): links to p3 stay hidden.
    const asVolunteer = await get(`/api/relationships?person=${p1.id}`);
    expect(asVolunteer.json().items.map((r: { type: string }) => r.type)).toEqual(['tie']);
    const paged = await get(`/api/relationships?person=${p1.id}&limit=2`, w.accounts.organiser.token);
    expect(paged.json().items).toHaveLength(2);
    const rest = await get(`/api/relationships?person=${p1.id}&limit=2&cursor=${paged.json().nextCursor}`, w.accounts.organiser.token);
    expect(rest.json()).toMatchObject({ items: [expect.anything()], nextCursor: null });
    expect((await get(`/api/relationships?person=${p3.id}`)).statusCode).toBe(404);
    expect((await get(`/api/relationships?person=${p1.id}`, w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
    expect((await get(`/api/relationships?person=${p1.id}&type=tie`, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await get(`/api/relationships?person=${p1.id}&cursor=nonsense`, w.accounts.organiser.token)).statusCode).toBe(400);
  });

  it('changes and removes links with the right fields only, audited', async () => {
    const { p1 } = w.people;
    const [tie] = (await get(`/api/relationships?person=${p1.id}&type=tie`)).json().items;
    const patch = (id: string, payload: unknown, token = w.accounts.vol1.token) => t.request({ method: 'PATCH', url: `/api/relationships/${id}`, token, payload: payload as object });
    expect((await patch(tie.id, { strength: 5, kind: 'friend' })).json()).toMatchObject({ strength: 5, kind: 'friend' });
    expect((await patch(tie.id, { eventName: 'No' })).statusCode).toBe(422);
    expect((await patch(tie.id, {})).statusCode).toBe(422);
    expect((await patch(tie.id, { strength: 1 }, w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
    expect((await patch(tie.id, { strength: 1 }, w.accounts.dpo.token)).statusCode).toBe(403);
    const [brought] = (await get(`/api/relationships?person=${p1.id}&type=brought`, w.accounts.organiser.token)).json().items;
    // The volunteer cannot read the other person of this link: as if it did not exist.
    expect((await t.request({ method: 'DELETE', url: `/api/relationships/${brought.id}`, token: w.accounts.vol1.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/relationships/${brought.id}`, token: w.accounts.organiser.token })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/relationships/${brought.id}`, token: w.accounts.organiser.token })).statusCode).toBe(404);
    const actions = (await t.ctx.db.select().from(auditEvents).where(or(eq(auditEvents.entityId, tie.id), eq(auditEvents.entityId, brought.id)))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['relationship.update', 'relationship.delete']));
  });

  it('draws the graph around a person within scope, bounded', async () => {
    const { p1, p2, p3 } = w.people;
    const res = await get(`/api/relationships/graph?person=${p2.id}`, w.accounts.organiser.token);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json();
    expect(Object.fromEntries(g.nodes.map((n: { id: string; hop: number }) => [n.id, n.hop]))).toEqual({ [p2.id]: 0, [p1.id]: 1, [p3.id]: 1 });
    expect(g.edges).toHaveLength(3);
    expect(g.truncated).toBe(false);
    const one = (await get(`/api/relationships/graph?person=${p3.id}&depth=1`, w.accounts.organiser.token)).json();
    expect(one.nodes.map((n: { hop: number }) => n.hop).sort()).toEqual([0, 1, 1]);
    // The volunteer sees p1 and p2 only.
    const vol = (await get(`/api/relationships/graph?person=${p2.id}`)).json();
    expect(vol.nodes.map((n: { id: string }) => n.id).sort()).toEqual([p1.id, p2.id].sort());
    expect((await get(`/api/relationships/graph?person=${p2.id}`, w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
    expect((await get(`/api/relationships/graph?person=${p2.id}&depth=3`, w.accounts.organiser.token)).statusCode).toBe(422);
  });

  it('keeps each volunteer’s own list: people they spoke with, recruited or added', async () => {
    const { p1, p2 } = w.people;
    await logConversation(t, w.accounts.vol2.token, { people: [p1.id], commitments: [{ ask: 'attend', answer: 'yes' }, { ask: 'sign', answer: 'awaiting' }] });
    const list = async (token: string, q = '') => {
      const res = await get(`/api/my-people${q}`, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const mine = await list(w.accounts.vol2.token);
    expect(mine.items).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: p1.id }), sources: ['conversation'], openCommitments: 1, awaitingAnswers: 1, lastSpokenAt: expect.any(String), lastSpokenByMeAt: expect.any(String) })]);
    const add = await t.request({ method: 'POST', url: '/api/my-people', token: w.accounts.vol2.token, payload: { personId: p2.id } });
    expect(add.statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: '/api/my-people', token: w.accounts.vol2.token, payload: { personId: p2.id } })).json()).toEqual({ personId: p2.id, added: false });
    expect((await t.request({ method: 'POST', url: '/api/my-people', token: w.accounts.vol2.token, payload: { personId: w.people.p3.id } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/my-people', token: w.accounts.dpo.token, payload: { personId: p2.id } })).statusCode).toBe(403);
    const both = await list(w.accounts.vol2.token);
    expect(both.items.map((i: { person: { firstName: string }; sources: string[] }) => [i.person.firstName, i.sources])).toEqual([['Bryn', ['added']], ['Alys', ['conversation']]]);
    expect((await list(w.accounts.vol2.token, '?notSpokenForDays=30')).items.map((i: { person: { id: string } }) => i.person.id)).toEqual([p2.id]);
    const graph = (await get('/api/relationships/graph?mine=true&depth=1', w.accounts.vol2.token)).json();
    expect(graph.nodes.filter((n: { hop: number }) => n.hop === 0).map((n: { id: string }) => n.id).sort()).toEqual([p1.id, p2.id].sort());
    expect((await t.request({ method: 'DELETE', url: `/api/my-people/${p2.id}`, token: w.accounts.vol2.token })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/my-people/${p1.id}`, token: w.accounts.vol2.token })).statusCode).toBe(404);
    expect((await list(w.accounts.vol2.token)).items).toHaveLength(1);
    // Someone else's list is theirs alone.
    expect((await list(w.accounts.vol2b.token)).items).toEqual([]);
    expect((await get('/api/my-people', w.accounts.dpo.token)).statusCode).toBe(403);
  });

  it('moves links with a merge, dropping the ones that would duplicate or point at the person themself', async () => {
    const a = await buildPerson(t.ctx.db, w.b1, { firstName: 'Dai', lastName: 'Merge' });
    const dup = await buildPerson(t.ctx.db, w.b1, { firstName: 'Dai', lastName: 'Merge' });
    const x = await buildPerson(t.ctx.db, w.b1, { firstName: 'Xen', lastName: 'Friend' });
    const org = w.accounts.organiser.token;
    await post({ type: 'tie', personId: a.id, otherPersonId: x.id, kind: 'friend', strength: 3 }, org);
    await post({ type: 'tie', personId: x.id, otherPersonId: dup.id, kind: 'family', strength: 5 }, org);
    await post({ type: 'tie', personId: a.id, otherPersonId: dup.id, kind: 'housemate', strength: 5 }, org);
    await post({ type: 'recruited', personId: x.id, otherPersonId: dup.id }, org);
    const res = await t.request({ method: 'POST', url: '/api/people/merge', token: org, payload: { survivorId: a.id, otherIds: [dup.id] } });
    expect(res.statusCode, res.body).toBe(200);
    const left = await t.ctx.db.select().from(relationships).where(or(eq(relationships.personId, a.id), eq(relationships.otherPersonId, a.id)));
    expect(left.map((r) => `${r.type}:${r.kind ?? ''}`).sort()).toEqual(['recruited:', 'tie:friend']);
  });
});
