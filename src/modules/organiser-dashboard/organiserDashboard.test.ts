import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildConversationWorld, type ConversationWorld } from '../conversations/testing/conversationWorld.ts';
import { daysAgo, logConversation } from '../ladder/testing/ladderFixtures.ts';

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

describe.each(testDatabaseKinds)('organiser dashboard on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let recent: string[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    const { p1, p2 } = w.people;
    const quiet = await buildPerson(t.ctx.db, w.b1, { firstName: 'Quiet', lastName: 'Adams' });
    const never = await buildPerson(t.ctx.db, w.b1, { firstName: 'Never', lastName: 'Spoken' });
    const token = w.accounts.vol1.token;
    const now = new Date(Date.now() - 60_000).toISOString();
    recent = [now];
    await logConversation(t, token, {
      people: [p1.id], occurredAt: now,
      commitments: [{ ask: 'attend', answer: 'awaiting', dueOn: dayOffset(5) }, { ask: 'sign', answer: 'yes' }],
      followUps: [{ dueOn: dayOffset(-2), reason: 'Call back' }, { dueOn: dayOffset(0), reason: 'Drop leaflet' }, { dueOn: dayOffset(3) }, { dueOn: dayOffset(30) }],
    });
    await logConversation(t, token, { people: [p2.id], occurredAt: now });
    await logConversation(t, token, { people: [p2.id], kind: 'doorstep', occurredAt: now });
    await logConversation(t, token, { people: [quiet.id], occurredAt: daysAgo(40) });
    await t.request({ method: 'POST', url: '/api/my-people', token, payload: { personId: never.id } });
    // Someone else's work never shows on Vera's dashboard.
    await logConversation(t, w.accounts.vol2.token, { people: [p1.id], commitments: [{ ask: 'host', answer: 'awaiting' }], followUps: [{ dueOn: dayOffset(-1) }] });
  });
  afterAll(() => t.close());

  const get = (url: string, token = w.accounts.vol1.token) => t.request({ method: 'GET', url, token });

  it('shows my follow-ups, one-to-ones against target, answers awaited and people gone quiet', async () => {
    const res = await get('/api/organiser/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.timeZone).toBe('Europe/London');
    expect(d.followUps).toMatchObject({ overdue: 1, dueToday: 1, dueNext7Days: 1 });
    expect(d.followUps.items.map((f: { reason: string; overdue: boolean }) => [f.reason, f.overdue])).toEqual([['Call back', true], ['Drop leaflet', false], ['', false]]);
    const weekStart = Date.parse(`${d.oneToOnes.weekStart}T00:00:00Z`) - 3_600_000;
    const thisWeek = recent.filter((r) => Date.parse(r) >= weekStart).length * 2;
    expect(d.oneToOnes).toMatchObject({ held: thisWeek, target: { oneToOnesPerWeek: 15, isDefault: true } });
    expect(d.oneToOnes.byDay).toHaveLength(7);
    expect(d.awaitingAnswers).toMatchObject({ count: 1, items: [{ ask: 'attend', person: { firstName: 'Alys' } }] });
    expect(d.notSpokenTo).toMatchObject({ days: 30, count: 2 });
    expect(d.notSpokenTo.items.map((i: { person: { firstName: string }; lastSpokenAt: string | null }) => [i.person.firstName, i.lastSpokenAt === null])).toEqual([['Never', true], ['Quiet', false]]);
    const longer = (await get('/api/organiser/dashboard?notSpokenDays=60')).json();
    expect(longer.notSpokenTo).toMatchObject({ days: 60, count: 1 });
    expect((await get('/api/organiser/dashboard?notSpokenDays=0')).statusCode).toBe(422);
    expect((await get('/api/organiser/dashboard', w.accounts.dpo.token)).statusCode).toBe(403);
    const sibling = (await get('/api/organiser/dashboard', w.accounts.siblingOrganiser.token)).json();
    expect([sibling.followUps.overdue, sibling.awaitingAnswers.count, sibling.notSpokenTo.count, sibling.oneToOnes.held]).toEqual([0, 0, 0, 0]);
  });

  it('sets weekly targets for myself, or as an admin of the organiser’s units', async () => {
    const put = (id: string, payload: object, token = w.accounts.vol1.token) => t.request({ method: 'PUT', url: `/api/organiser/targets/${id}`, token, payload });
    expect((await get('/api/organiser/targets/me')).json()).toMatchObject({ accountId: w.accounts.vol1.id, oneToOnesPerWeek: 15, isDefault: true });
    expect((await put('me', { oneToOnesPerWeek: 10 })).json()).toMatchObject({ oneToOnesPerWeek: 10, isDefault: false });
    expect((await get('/api/organiser/dashboard')).json().oneToOnes.target.oneToOnesPerWeek).toBe(10);
    expect((await put(w.accounts.vol2.id, { oneToOnesPerWeek: 3 })).statusCode).toBe(404);
    expect((await put(w.accounts.vol1.id, { oneToOnesPerWeek: 20 }, w.accounts.unit_admin.token)).json()).toMatchObject({ oneToOnesPerWeek: 20 });
    expect((await put(w.accounts.vol1.id, { oneToOnesPerWeek: 20 }, w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
    expect((await get(`/api/organiser/targets/${w.accounts.vol1.id}`, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await put('me', { oneToOnesPerWeek: -1 })).statusCode).toBe(422);
    expect((await put('me', { oneToOnesPerWeek: 5, extra: true })).statusCode).toBe(422);
    expect((await put('me', { oneToOnesPerWeek: 5 }, w.accounts.dpo.token)).statusCode).toBe(403);
  });
});
