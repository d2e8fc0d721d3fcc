import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { eventBody } from '../events/testing/eventWorld.ts';
import { londonToday } from './actionCommands.ts';
import { campaignActionLeaders, campaignActions } from './schema.ts';
import { actorBody, buildCampaignWorld, campaignBody, type CampaignWorld } from './testing/campaignWorld.ts';

const DAY = 86_400_000;
const dayFromNow = (days: number) => londonToday(new Date(Date.now() + days * DAY));

describe.each(testDatabaseKinds)('campaign actions on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  let campaignId: string;
  let targetId: string;
  let otherCampaignActor: string;
  const events: Record<string, string> = {};

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: Record<string, unknown>) =>
    t.request({ method, url, token, ...(payload ? { payload } : {}) });
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string, payload?: Record<string, unknown>) => {
    const res = await req(method, url, token, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const detailPaths = (res: { json(): { error: { details?: { path: string }[] } } }) => (res.json().error.details ?? []).map((d) => d.path).join(' ');
  /** An event of a unit, `daysAgo` days ago (negative: ahead). */
  const event = async (token: string, unitId: string, kindOf: string, daysAgo: number) => {
    const start = new Date(Date.now() - daysAgo * DAY);
    return (await ok('POST', '/api/events', token, eventBody(unitId, { kind: kindOf, title: `Canaryevent ${kindOf}`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() }))).id as string;
  };
  const actions = () => `/api/campaigns/${campaignId}/actions`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
    const org = w.b1Organiser.token;
    campaignId = (await ok('POST', '/api/campaigns', org, campaignBody(w.b1.id, { issueId: w.issues.damp }))).id;
    targetId = (await ok('POST', `/api/campaigns/${campaignId}/actors`, org, actorBody())).actors[0].id;
    const other = (await ok('POST', '/api/campaigns', org, campaignBody(w.b1.id, { title: 'Another campaign' }))).id;
    otherCampaignActor = (await ok('POST', `/api/campaigns/${other}/actors`, org, actorBody({ name: 'Other target' }))).actors[0].id;
    events.lobby = await event(org, w.b1.id, 'action', 2);
    events.meeting = await event(org, w.b1.id, 'house_meeting', 2);
    events.sibling = await event(w.accounts.siblingOrganiser.token, w.sibling.id, 'action', 2);
    events.orgB = await event(w.accounts.orgBAdmin.token, w.otherBranch.id, 'action', 2);
    for (const person of [w.tenant.id, w.neighbour.id]) await ok('POST', `/api/events/${events.lobby}/walk-ins`, org, { personId: person });
    await ok('PUT', '/api/ladder/levels', w.accounts.rootUnitAdmin.token, {
      levels: [{ key: 'steps_up', label: 'Steps up', rule: { all: [{ metric: 'actions_led', atLeast: 1, withinDays: 365 }] } }],
    });
  });
  afterAll(() => t.close());

  it('plans an action with its event, target, asks and goal, audited with ids and counts only', async () => {
    const res = await req('POST', actions(), w.b1Organiser.token, {
      title: 'Lobby of Castle Lettings', actionOn: dayFromNow(-2), eventId: events.lobby, targetActorId: targetId,
      asks: ['Repair every damp flat in 12 weeks', 'Meet the tenants’ committee'], turnoutGoal: 40,
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      campaignId, title: 'Lobby of Castle Lettings', status: 'planned', turnoutGoal: 40, responseOutcome: 'none', responseText: '', evaluated: false, evaluation: null, canManage: true,
      event: { id: events.lobby, title: 'Canaryevent action', cancelled: false }, target: { actorId: targetId, name: 'Castle Lettings Ltd' },
      asks: ['Repair every damp flat in 12 weeks', 'Meet the tenants’ committee'],
      // Two people were checked in at the lobby.
      turnout: { actual: 2, source: 'check_ins', recorded: null, checkIns: 2 },
    });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign_action.create'), eq(auditEvents.entityId, a.id)));
    expect(audit).toMatchObject({ actorAccountId: w.b1Organiser.id, unitId: w.b1.id, changes: { campaignId, eventId: events.lobby, targetActorId: targetId, asks: 2, turnoutGoal: 40, turnout: null, status: 'planned' } });
    expect(JSON.stringify(audit!.changes)).not.toContain('Repair');

    // A hand count overrides the check-ins; clearing it goes back to them.
    const counted = await ok('PATCH', `${actions()}/${a.id}`, w.b1Organiser.token, { turnout: 55, status: 'done', responseOutcome: 'partial', responseText: 'Agreed to meet; no dates.' });
    expect(counted).toMatchObject({ status: 'done', turnout: { actual: 55, source: 'recorded', recorded: 55, checkIns: 2 }, responseOutcome: 'partial', responseText: 'Agreed to meet; no dates.' });
    const [upd] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign_action.update'), eq(auditEvents.entityId, a.id)));
    expect(upd!.changes).toEqual({ campaignId, fields: ['responseOutcome', 'responseText', 'status', 'turnout'], status: ['planned', 'done'], turnout: 55 });
    expect((await ok('PATCH', `${actions()}/${a.id}`, w.b1Organiser.token, { turnout: null })).turnout).toEqual({ actual: 2, source: 'check_ins', recorded: null, checkIns: 2 });

    // Read by the volunteer, not changed by them.
    expect((await ok('GET', `${actions()}/${a.id}`, w.b1Volunteer.token)).canManage).toBe(false);
    expect((await req('PATCH', `${actions()}/${a.id}`, w.b1Volunteer.token, { title: 'x' })).statusCode).toBe(403);
    expect((await req('POST', actions(), w.b1Volunteer.token, { title: 'x', actionOn: dayFromNow(1) })).statusCode).toBe(403);
    expect((await req('GET', actions(), w.b1Member.token)).statusCode).toBe(404);
  });

  it('lists a campaign’s actions a page at a time, latest day first, with a status filter', async () => {
    for (const [title, days] of [['Petition hand-in', 5], ['Street stall', 12], ['Public meeting', -30]] as const) {
      await ok('POST', actions(), w.b1Organiser.token, { title, actionOn: dayFromNow(days), turnoutGoal: 10 });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = await ok('GET', `${actions()}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.b1Organiser.token);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Street stall', 'Petition hand-in', 'Lobby of Castle Lettings', 'Public meeting']);
    expect((await ok('GET', `${actions()}?status=done`, w.b1Organiser.token)).items.map((i: { title: string }) => i.title)).toEqual(['Lobby of Castle Lettings']);
    expect((await req('GET', `${actions()}?cursor=nonsense`, w.b1Organiser.token)).statusCode).toBe(400);
    expect((await req('GET', `${actions()}?status=won`, w.b1Organiser.token)).statusCode).toBe(422);
  });

  it('refuses bad actions with clear 4xx answers, writing nothing', async () => {
    const before = await t.ctx.db.$count(campaignActions);
    const base = { title: 'Bad action', actionOn: dayFromNow(-1) };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, turnoutGoal: -1 }, 'body.turnoutGoal'],
      [{ ...base, turnout: -3 }, 'body.turnout'],
      [{ ...base, actionOn: dayFromNow(7), turnout: 12 }, 'turnout'],
      [{ ...base, actionOn: dayFromNow(7), status: 'done' }, 'status'],
      [{ ...base, eventId: events.sibling }, 'eventId'],
      [{ ...base, eventId: events.orgB }, 'eventId'],
      [{ ...base, eventId: events.meeting }, 'eventId'],
      [{ ...base, eventId: crypto.randomUUID() }, 'eventId'],
      [{ ...base, targetActorId: otherCampaignActor }, 'targetActorId'],
      [{ ...base, asks: [''] }, 'body.asks.0'],
      [{ ...base, actionOn: '2026-02-30' }, 'body.actionOn'],
      [{ ...base, status: 'won' }, 'body.status'],
      [{ ...base, surprise: 1 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await req('POST', actions(), w.b1Organiser.token, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(422);
      expect(detailPaths(res), res.body).toContain(path);
    }
    // Several problems at once are all named.
    const many = await req('POST', actions(), w.b1Organiser.token, { ...base, actionOn: dayFromNow(3), status: 'done', turnout: 4, eventId: events.sibling });
    expect(detailPaths(many).split(' ').sort()).toEqual(['eventId', 'status', 'turnout']);
    expect(await t.ctx.db.$count(campaignActions)).toBe(before);

    // An edit that would break the rules changes nothing.
    const planned = await ok('POST', actions(), w.b1Organiser.token, { title: 'Planned ahead', actionOn: dayFromNow(9), turnoutGoal: 20 });
    for (const [body, path] of [[{ turnout: 5 }, 'turnout'], [{ status: 'done' }, 'status'], [{ eventId: events.orgB, title: 'Renamed' }, 'eventId'], [{ turnoutGoal: -5 }, 'body.turnoutGoal']] as const) {
      const res = await req('PATCH', `${actions()}/${planned.id}`, w.b1Organiser.token, body);
      expect(res.statusCode, res.body).toBe(422);
      expect(detailPaths(res)).toContain(path);
    }
    expect(await ok('GET', `${actions()}/${planned.id}`, w.b1Organiser.token)).toEqual(planned);
    // Evaluation waits until it is done.
    const early = await req('PUT', `${actions()}/${planned.id}/evaluation`, w.b1Organiser.token, { wentWell: 'x' });
    expect(early.statusCode).toBe(409);
    expect((await req('PATCH', `${actions()}/${crypto.randomUUID()}`, w.b1Organiser.token, { title: 'x' })).statusCode).toBe(404);
  });

  it('evaluates a done action, naming leaders in scope who then climb the ladder; out-of-scope leaders are refused whole', async () => {
    const a = await ok('POST', actions(), w.b1Organiser.token, { title: 'Rent strike assembly', actionOn: dayFromNow(-1), status: 'done', turnoutGoal: 30, turnout: 24 });
    const url = `${actions()}/${a.id}/evaluation`;
    const level = async (personId: string) => (await ok('GET', `/api/people/${personId}/ladder`, w.b1Organiser.token)).level?.key ?? null;
    expect(await level(w.tenant.id)).toBeNull();

    const outsiders = [w.people.siblingPerson.id, w.people.otherPerson.id, w.people.p3.id, crypto.randomUUID()];
    for (const bad of outsiders) {
      const res = await req('PUT', url, w.b1Organiser.token, { wentWell: 'Loud', leaderIds: [w.tenant.id, bad] });
      expect(res.statusCode, res.body).toBe(422);
      expect(detailPaths(res)).toContain('leaderIds');
      expect(res.body).not.toMatch(/Quillon|Zephyrine|Carys/);
    }
    expect(await t.ctx.db.$count(campaignActionLeaders)).toBe(0);
    expect((await ok('GET', `${actions()}/${a.id}`, w.b1Organiser.token)).evaluation).toBeNull();

    const done = await ok('PUT', url, w.b1Organiser.token, { wentWell: 'Tenants spoke for themselves.', toImprove: 'Start on time.', leaderIds: [w.tenant.id, w.neighbour.id] });
    expect(done.evaluated).toBe(true);
    expect(done.evaluation).toMatchObject({
      wentWell: 'Tenants spoke for themselves.', toImprove: 'Start on time.', leaderCount: 2,
      leaders: [{ personId: w.tenant.id, name: 'Ffion Tenantleader' }, { personId: w.neighbour.id, name: 'Gethin Neighbourly' }],
    });
    expect(await level(w.tenant.id)).toBe('steps_up');
    const personRows = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign_action.leader_add'), eq(auditEvents.entityId, w.tenant.id)));
    expect(personRows).toHaveLength(1);
    expect(personRows[0]).toMatchObject({ entityType: 'person', changes: { campaignId, actionId: a.id } });
    const [evalRow] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'campaign_action.evaluate'), eq(auditEvents.entityId, a.id)));
    expect(evalRow!.changes).toEqual({ campaignId, leaders: 2, added: 2, removed: 0 });

    // Rewritten: one leader taken off moves back down the ladder in the same write.
    const again = await ok('PUT', url, w.b1Organiser.token, { wentWell: 'Tenants spoke for themselves.', leaderIds: [w.neighbour.id] });
    expect(again.evaluation.leaders.map((l: { name: string }) => l.name)).toEqual(['Gethin Neighbourly']);
    expect(await level(w.tenant.id)).toBeNull();
    expect(await level(w.neighbour.id)).toBe('steps_up');
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'campaign_action.leader_remove'))).toBe(1);

    // An evaluated action stays done.
    const undo = await req('PATCH', `${actions()}/${a.id}`, w.b1Organiser.token, { status: 'planned' });
    expect(undo.statusCode).toBe(409);
  });
});

/**
 * Actions of campaigns in a sibling branch and another organisation never reach anyone in B1
 * or party C, and no write lands on them.
 */
describe.each(testDatabaseKinds)('campaign action scope on %s', (kind) => {
  let t: TestApp;
  let w: CampaignWorld;
  const planted: { campaign: string; action: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildCampaignWorld(t);
    const plant = async (token: string, unitId: string, personId: string) => {
      const send = async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) => {
        const res = await t.request({ method, url, token, payload });
        if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const c = await send('POST', '/api/campaigns', campaignBody(unitId, { title: 'Canarycampaign', areaCodes: [] }));
      const map = await send('POST', `/api/campaigns/${c.id}/actors`, actorBody({ name: 'Canaryactor' }));
      const a = await send('POST', `/api/campaigns/${c.id}/actions`, {
        title: 'Canaryaction', actionOn: dayFromNow(-1), status: 'done', targetActorId: map.actors[0].id, asks: ['Canaryask'], turnoutGoal: 9, turnout: 7, responseText: 'Canaryresponse',
      });
      await send('PUT', `/api/campaigns/${c.id}/actions/${a.id}/evaluation`, { wentWell: 'Canarywell', toImprove: 'Canaryimprove', leaderIds: [personId] });
      planted.push({ campaign: c.id, action: a.id });
    };
    await plant(w.accounts.siblingOrganiser.token, w.sibling.id, w.people.siblingPerson.id);
    await plant(w.accounts.orgBAdmin.token, w.otherBranch.id, w.people.otherPerson.id);
  });
  afterAll(() => t.close());

  it('keeps them out of every read and every write', async () => {
    const canaries = ['Canary', 'Quillon', 'Siblingcanary', 'Zephyrine', 'Orgcanary'];
    const viewers = [w.b1Organiser.token, w.b1Volunteer.token, w.b1Admin.token, w.accounts.organiser.token, w.accounts.unit_admin.token, w.accounts.dpo.token, w.accounts.national_admin.token];
    for (const token of viewers) {
      for (const p of planted) {
        for (const url of [`/api/campaigns/${p.campaign}/actions`, `/api/campaigns/${p.campaign}/actions/${p.action}`]) {
          const res = await t.request({ method: 'GET', url, token });
          expect(res.statusCode, url).toBe(404);
          expect(canaries.filter((c) => res.body.includes(c))).toEqual([]);
        }
        const writes: [string, string, Record<string, unknown>][] = [
          ['POST', `/api/campaigns/${p.campaign}/actions`, { title: 'Taken over', actionOn: dayFromNow(1) }],
          ['PATCH', `/api/campaigns/${p.campaign}/actions/${p.action}`, { title: 'Taken over', turnout: 1 }],
          ['PUT', `/api/campaigns/${p.campaign}/actions/${p.action}/evaluation`, { wentWell: 'Taken over', leaderIds: [] }],
        ];
        for (const [method, url, payload] of writes) {
          const res = await t.request({ method: method as 'POST', url, token, payload });
          expect(res.statusCode, `${method} ${url}`).toBe(404);
        }
      }
    }
    // Nothing changed, read from inside.
    const sib = await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}/actions/${planted[0]!.action}`, token: w.accounts.siblingOrganiser.token });
    expect(sib.json()).toMatchObject({ title: 'Canaryaction', turnout: { actual: 7 }, evaluation: { wentWell: 'Canarywell', leaderCount: 1 } });
    // The other organisation's admin sees only its own campaign's actions.
    const b = await t.request({ method: 'GET', url: `/api/campaigns/${planted[1]!.campaign}/actions`, token: w.accounts.orgBAdmin.token });
    expect(b.json().items.map((i: { id: string }) => i.id)).toEqual([planted[1]!.action]);
    const cross = await t.request({ method: 'GET', url: `/api/campaigns/${planted[0]!.campaign}/actions`, token: w.accounts.orgBAdmin.token });
    expect(cross.statusCode).toBe(404);
  });
});
