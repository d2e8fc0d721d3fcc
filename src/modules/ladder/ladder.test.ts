import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildPerson } from '../../../test/factories.ts';
import { accounts } from '../accounts/schema.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { recomputeOrganisation } from './recomputeOrganisation.ts';
import { ladderHistory, personLadder } from './schema.ts';
import { daysAgo, logConversation, testLevels } from './testing/ladderFixtures.ts';

describe.each(testDatabaseKinds)('ladder of engagement on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let levelIds: Record<string, string>;
  let q1: { id: string };
  let solo: { id: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    q1 = await buildPerson(t.ctx.db, w.b1, { firstName: 'Gwen', lastName: 'Price' });
    solo = await buildPerson(t.ctx.db, w.b1, { firstName: 'Solo', lastName: 'Hughes' });
  });
  afterAll(() => t.close());

  const get = (url: string, token: string) => t.request({ method: 'GET', url, token });
  const ladderOf = async (personId: string, token = w.accounts.organiser.token) => {
    const res = await get(`/api/people/${personId}/ladder`, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lets only an admin at the organisation’s root set the ladder, and refuses bad rules', async () => {
    const put = (token: string, payload: unknown) => t.request({ method: 'PUT', url: '/api/ladder/levels', token, payload: payload as object });
    expect((await put(w.accounts.organiser.token, { levels: testLevels })).statusCode).toBe(403);
    expect((await put(w.accounts.unit_admin.token, { levels: testLevels })).statusCode).toBe(403);
    const bad = await put(w.accounts.rootUnitAdmin.token, { levels: [{ ...testLevels[0], rule: { all: [] } }, { ...testLevels[1], rule: { all: [{ metric: 'speeches_made', atLeast: 1 }] } }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.levels.0.rule.all', 'body.levels.1.rule.all.0.metric']));
    const twice = await put(w.accounts.rootUnitAdmin.token, { levels: [testLevels[0], testLevels[0]] });
    expect(twice.statusCode).toBe(422);
    const res = await put(w.accounts.rootUnitAdmin.token, { levels: testLevels });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.levels.map((l: { key: string; position: number }) => `${l.position}:${l.key}`)).toEqual(['1:supporter', '2:active', '3:leader_in_development']);
    expect(body.recompute).toMatchObject({ mode: 'done', moved: 0 });
    levelIds = Object.fromEntries(body.levels.map((l: { key: string; id: string }) => [l.key, l.id]));
    const read = await get('/api/ladder/levels', w.accounts.vol1.token);
    expect(read.json().levels).toEqual(body.levels);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'ladder.levels.update'));
    expect(audit).toMatchObject({ actorAccountId: w.accounts.rootUnitAdmin.id, orgId: w.orgA.id });
  });

  it('climbs people rung by rung as activity is recorded, in the same transaction', async () => {
    const { p1, p2 } = w.people;
    expect((await ladderOf(p1.id)).level).toBeNull();
    expect((await ladderOf(p1.id)).nextStep).toMatchObject({ offer: null, nextLevel: { key: 'supporter' }, progress: [{ metric: 'conversations', have: 0, atLeast: 1, met: false }] });
    // A doorstep "not home" is not a conversation they were spoken with in.
    await logConversation(t, w.accounts.vol1.token, { kind: 'doorstep', outcome: 'not_home', people: [p1.id] });
    expect((await ladderOf(p1.id)).level).toBeNull();
    const c = await logConversation(t, w.accounts.vol1.token, { people: [p1.id], commitments: [{ ask: 'attend', answer: 'yes' }] });
    const after = await ladderOf(p1.id);
    expect(after.level).toMatchObject({ key: 'supporter', position: 1 });
    expect(after.nextStep).toMatchObject({ offer: 'Invite them to a one-to-one.', nextLevel: { key: 'active' }, progress: [{ metric: 'commitments_kept', have: 0, met: false }] });
    expect(after.history).toEqual([expect.objectContaining({ from: null, to: expect.objectContaining({ key: 'supporter' }), reason: 'computed', changedBy: null })]);
    const kept = await t.request({ method: 'PATCH', url: `/api/commitments/${c.commitments[0]!.id}`, token: w.accounts.vol1.token, payload: { status: 'kept' } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await ladderOf(p1.id)).level).toMatchObject({ key: 'active' });

    // Vera (vol1) is p2: one-to-ones she holds count for p2, and a recruitment by p2 completes the third rung.
    await t.ctx.db.update(accounts).set({ personId: p2.id }).where(eq(accounts.id, w.accounts.vol1.id));
    const c2 = await logConversation(t, w.accounts.vol2.token, { people: [p2.id], commitments: [{ ask: 'host', answer: 'yes' }] });
    await t.request({ method: 'PATCH', url: `/api/commitments/${c2.commitments[0]!.id}`, token: w.accounts.vol2.token, payload: { status: 'kept' } });
    await logConversation(t, w.accounts.vol1.token, { people: [q1.id] });
    // Held 100 days ago: outside the 90-day window.
    await logConversation(t, w.accounts.vol1.token, { people: [q1.id], occurredAt: daysAgo(100) });
    expect((await ladderOf(p2.id)).level).toMatchObject({ key: 'active' });
    // The one-to-one with p1 logged before the account was linked counts too: it is the account's.
    expect((await ladderOf(p2.id)).nextStep.progress).toEqual([
      expect.objectContaining({ metric: 'one_to_ones_held', have: 2, met: true }),
      expect.objectContaining({ metric: 'people_recruited', have: 0, met: false }),
    ]);
    const rec = await t.request({ method: 'POST', url: '/api/relationships', token: w.accounts.vol1.token, payload: { type: 'recruited', personId: p2.id, otherPersonId: q1.id } });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await ladderOf(p2.id)).level).toMatchObject({ key: 'leader_in_development' });
    const hist = (await ladderOf(p2.id)).history.map((h: { to: { key: string } }) => h.to.key);
    expect(hist).toEqual(['leader_in_development', 'active', 'supporter']);
    // Taking the recruitment away takes the rung away again.
    await t.request({ method: 'DELETE', url: `/api/relationships/${rec.json().id}`, token: w.accounts.vol1.token });
    expect((await ladderOf(p2.id)).level).toMatchObject({ key: 'active' });
  });

  it('sets a level by hand with a reason until the computed level next changes, and clears it', async () => {
    const p3 = q1;
    const before = await ladderOf(p3.id);
    expect(before.level).toMatchObject({ key: 'supporter' });
    const post = (token: string, payload: unknown) => t.request({ method: 'POST', url: `/api/people/${p3.id}/ladder/override`, token, payload: payload as object });
    expect((await post(w.accounts.vol1.token, { levelId: levelIds.leader_in_development, reason: 'Runs the tenants’ group' })).statusCode).toBe(403);
    expect((await post(w.accounts.organiser.token, { levelId: levelIds.leader_in_development })).statusCode).toBe(422);
    expect((await post(w.accounts.organiser.token, { levelId: crypto.randomUUID(), reason: 'x' })).statusCode).toBe(422);
    expect((await post(w.accounts.organiser.token, { levelId: levelIds.supporter, reason: 'Same' })).statusCode).toBe(409);
    const res = await post(w.accounts.organiser.token, { levelId: levelIds.leader_in_development, reason: 'Runs the tenants’ group' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      level: { key: 'leader_in_development' }, computedLevel: { key: 'supporter' },
      manual: { level: { key: 'leader_in_development' }, reason: 'Runs the tenants’ group', by: { id: w.accounts.organiser.id } },
      history: [expect.objectContaining({ reason: 'manual', note: 'Runs the tenants’ group', changedBy: expect.objectContaining({ id: w.accounts.organiser.id }) }), expect.anything()],
    });
    // More of the same activity does not change the computed level: the manual level holds.
    await logConversation(t, w.accounts.vol2.token, { people: [p3.id] });
    expect((await ladderOf(p3.id)).level).toMatchObject({ key: 'leader_in_development' });
    const cleared = await t.request({ method: 'DELETE', url: `/api/people/${p3.id}/ladder/override`, token: w.accounts.organiser.token });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ level: { key: 'supporter' }, manual: null });
    expect((await t.request({ method: 'DELETE', url: `/api/people/${p3.id}/ladder/override`, token: w.accounts.organiser.token })).statusCode).toBe(409);

    // Set again, then a kept commitment changes the computed level: the override ends there.
    await post(w.accounts.organiser.token, { levelId: levelIds.leader_in_development, reason: 'Again' });
    const c = await logConversation(t, w.accounts.vol2.token, { people: [p3.id], commitments: [{ ask: 'sign', answer: 'yes' }] });
    await t.request({ method: 'PATCH', url: `/api/commitments/${c.commitments[0]!.id}`, token: w.accounts.vol2.token, payload: { status: 'kept' } });
    const lapsed = await ladderOf(p3.id);
    expect(lapsed).toMatchObject({ level: { key: 'active' }, computedLevel: { key: 'active' }, manual: null });
    expect(lapsed.history[0]).toMatchObject({ reason: 'computed', note: 'Manual level ended: the computed level changed.', from: { key: 'leader_in_development' }, to: { key: 'active' } });
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, p3.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['ladder.level.set', 'ladder.level.clear']));
  });

  it('drops a level when the activity behind it is deleted', async () => {
    const id = solo.id;
    const conv = await logConversation(t, w.accounts.vol1.token, { people: [id] });
    expect((await ladderOf(id)).level).toMatchObject({ key: 'supporter' });
    expect((await t.request({ method: 'DELETE', url: `/api/conversations/${conv.id}`, token: w.accounts.vol1.token })).statusCode).toBe(204);
    const after = await ladderOf(id);
    expect(after.level).toBeNull();
    expect(after.history.map((h: { to: unknown }) => h.to)).toEqual([null, expect.objectContaining({ key: 'supporter' })]);
  });

  it('shows the pipeline per level with movement, only within my scope', async () => {
    const res = await get(`/api/ladder/pipeline?unit=${w.c.id}`, w.accounts.organiser.token);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    const byKey = Object.fromEntries(p.levels.map((l: { level: { key: string } }) => [l.level.key, l]));
    expect(byKey.supporter.people).toBe(0);
    expect(byKey.active.people).toBe(3);
    expect(byKey.leader_in_development.people).toBe(0);
    // p1 and p2 climbed onto Active; p2 (recruitment removed) and the overridden person came down onto it.
    expect(byKey.active.last30).toEqual({ upIn: 2, downIn: 2, upOut: 1, downOut: 0 });
    expect(byKey.supporter.last90).toEqual({ upIn: 4, downIn: 1, upOut: 3, downOut: 1 });
    expect(byKey.leader_in_development.last90).toEqual({ upIn: 2, downIn: 0, upOut: 0, downOut: 2 });
    expect(p.offLadder.last30).toEqual({ joined: 4, left: 1 });
    // From a sibling party's organiser: none of these people.
    const other = await get('/api/ladder/pipeline', w.accounts.siblingOrganiser.token);
    expect(other.statusCode).toBe(200);
    expect(other.json().levels.every((l: { people: number }) => l.people === 0)).toBe(true);
    expect((await get(`/api/ladder/pipeline?unit=${w.otherBranch.id}`, w.accounts.organiser.token)).statusCode).toBe(404);
    expect((await get('/api/ladder/pipeline', w.accounts.vol1.token)).statusCode).toBe(403);
    expect((await get(`/api/people/${w.people.siblingPerson.id}/ladder`, w.accounts.organiser.token)).statusCode).toBe(404);
  });

  it('gives the same standings from a full recompute as from the incremental updates', async () => {
    const snapshot = async () => (await t.ctx.db.select().from(personLadder).where(eq(personLadder.orgId, w.orgA.id))).map((r) => ({ ...r, updatedAt: null })).sort((a, b) => a.personId.localeCompare(b.personId));
    const before = await snapshot();
    const historyBefore = await t.ctx.db.$count(ladderHistory);
    const r = await recomputeOrganisation(t.ctx.db, w.orgA.id, { batchSize: 2 });
    expect(r).toMatchObject({ written: 0, moved: 0 });
    expect(r.batches).toBeGreaterThan(1);
    expect(await snapshot()).toEqual(before);
    expect(await t.ctx.db.$count(ladderHistory)).toBe(historyBefore);
    // From nothing, the full recompute arrives at the same levels.
    await t.ctx.db.delete(personLadder).where(eq(personLadder.orgId, w.orgA.id));
    await recomputeOrganisation(t.ctx.db, w.orgA.id, { batchSize: 3 });
    const rebuilt = await snapshot();
    expect(rebuilt.map((x) => [x.personId, x.levelId])).toEqual(before.map((x) => [x.personId, x.computedLevelId]).filter(([, l]) => l !== null));
  });
});
