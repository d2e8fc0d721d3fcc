import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { manageToken } from '../events/rsvpTokens.ts';
import { buildPollWorld, choice, type PollWorld } from '../polls/testing/pollWorld.ts';
import { breakoutMeeting } from './testing/breakoutMeeting.ts';

type Plan = { groups: { id: string; name: string; facilitator: { id: string } | null; members: { rsvpId: string; name: string }[] }[]; unpublishedChanges: boolean; publishedAt: string | null };

describe.each(testDatabaseKinds)('breakout groups on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    admin = w.accounts.regionAdmin.token;
  });
  afterAll(() => t.close());
  const patch = (url: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url, token: admin, payload });

  it('splits attendees evenly with one facilitator per group and refuses bad input', async () => {
    const wards = ['E05000001', 'E05000001', 'E05000001', 'E05000002', 'E05000002', null, null];
    const { event, rsvpIds } = await breakoutMeeting(t, w, wards);
    const url = `/api/events/${event.id}/breakouts`;
    const body = { source: 'checked_in', groupSize: 3, facilitatorIds: [w.accounts.volunteer.id, w.accounts.organiser.id], seed: 42 };
    const plan: Plan = (await w.call('POST', url, body, admin)).json();
    expect(plan.groups.map((g) => g.members.length).sort()).toEqual([2, 2, 3]);
    expect(plan.groups.flatMap((g) => g.members.map((m) => m.rsvpId)).sort()).toEqual([...rsvpIds].sort());
    expect(plan.groups.map((g) => g.facilitator?.id ?? null)).toEqual([w.accounts.volunteer.id, w.accounts.organiser.id, null]);
    // The three of ward E05000001 are in three different groups.
    for (const g of plan.groups) expect(g.members.filter((m) => rsvpIds.indexOf(m.rsvpId) < 3).length).toBe(1);
    expect(plan.unpublishedChanges).toBe(true);
    // The same seed gives the same groups.
    const again: Plan = (await w.call('POST', url, body, admin)).json();
    expect(again.groups.map((g) => g.members)).toEqual(plan.groups.map((g) => g.members));

    const status = async (payload: unknown, token = admin) => (await w.call('POST', url, payload, token)).statusCode;
    expect(await status({ ...body, facilitatorIds: [w.accounts.orgBAdmin.id] })).toBe(422);
    expect(await status({ ...body, facilitatorIds: [w.accounts.member.id] })).toBe(422);
    expect(await status({ ...body, groupSize: 1 })).toBe(422);
    expect(await status({ ...body, extra: true })).toBe(422);
    expect(await status(body, w.accounts.volunteer.token)).toBe(404);
    expect(await status(body, w.accounts.orgBAdmin.token)).toBe(404);
    const empty = await breakoutMeeting(t, w, ['E05000001'], false);
    const res = await w.call('POST', `/api/events/${empty.event.id}/breakouts`, body, admin);
    expect(res.statusCode).toBe(422);
    expect((await w.call('GET', `/api/events/${empty.event.id}/breakouts`, undefined, admin)).statusCode).toBe(404);
    const confirmed: Plan = (await w.call('POST', `/api/events/${empty.event.id}/breakouts`, { ...body, source: 'confirmed' }, admin)).json();
    expect(confirmed.groups.map((g) => g.members.length)).toEqual([1]);
  });

  it('moves and renames by the host, and shows facilitators only their group as last published', async () => {
    const { event, rsvpIds } = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    const url = `/api/events/${event.id}/breakouts`;
    let plan: Plan = await w.ok('POST', url, { source: 'checked_in', groupSize: 2, facilitatorIds: [w.accounts.volunteer.id, w.accounts.siblingOrganiser.id], seed: 1 }, admin);
    const [a, b] = plan.groups as [Plan['groups'][0], Plan['groups'][0]];
    const mine = (token: string) => w.call('GET', `${url}/mine`, undefined, token);
    expect((await mine(w.accounts.volunteer.token)).statusCode).toBe(404);

    plan = await w.ok('POST', `${url}/publish`, undefined, admin);
    expect(plan.unpublishedChanges).toBe(false);
    const seen = (await mine(w.accounts.volunteer.token)).json();
    expect(seen.groups).toEqual([{ id: a.id, name: 'Group 1', members: a.members }]);
    expect(Object.keys(seen.groups[0].members[0]).sort()).toEqual(['name', 'rsvpId']);
    // The volunteer cannot manage this region meeting: the host view and the other group stay closed.
    expect((await w.call('GET', url, undefined, w.accounts.volunteer.token)).statusCode).toBe(404);
    expect((await mine(w.accounts.siblingOrganiser.token)).json().groups.map((g: { id: string }) => g.id)).toEqual([b.id]);
    expect((await mine(w.accounts.organiser.token)).statusCode).toBe(404);
    expect((await mine(w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    // The host sees everything whether or not they facilitate.
    expect((await mine(admin)).statusCode).toBe(404);
    expect((await w.ok('GET', url, undefined, admin)).groups).toHaveLength(2);

    const moving = b.members[0]!;
    await w.ok('POST', `${url}/moves`, { rsvpId: moving.rsvpId, groupId: a.id }, admin);
    plan = (await patch(`${url}/groups/${a.id}`, { name: 'Tenants corner' })).json();
    expect(plan.unpublishedChanges).toBe(true);
    expect(plan.groups[0]!.members.map((m) => m.rsvpId)).toContain(moving.rsvpId);
    // Until the host publishes again, facilitators see what was published.
    expect((await mine(w.accounts.volunteer.token)).json().groups[0].name).toBe('Group 1');
    expect((await mine(w.accounts.volunteer.token)).json().groups[0].members).toHaveLength(2);
    await w.ok('POST', `${url}/publish`, undefined, admin);
    const after = (await mine(w.accounts.volunteer.token)).json().groups[0];
    expect(after.name).toBe('Tenants corner');
    expect(after.members.map((m: { rsvpId: string }) => m.rsvpId)).toContain(moving.rsvpId);
    expect((await mine(w.accounts.siblingOrganiser.token)).json().groups[0].members).toHaveLength(1);

    // Bad moves and edits.
    const other = await breakoutMeeting(t, w, ['E05000001', 'E05000002']);
    const otherPlan: Plan = await w.ok('POST', `/api/events/${other.event.id}/breakouts`, { source: 'checked_in', groupSize: 2 }, admin);
    expect((await w.call('POST', `${url}/moves`, { rsvpId: moving.rsvpId, groupId: otherPlan.groups[0]!.id }, admin)).statusCode).toBe(404);
    expect((await w.call('POST', `${url}/moves`, { rsvpId: other.rsvpIds[0], groupId: a.id }, admin)).statusCode).toBe(404);
    expect((await patch(`${url}/groups/${b.id}`, { facilitatorAccountId: w.accounts.volunteer.id })).statusCode).toBe(409);
    expect((await patch(`${url}/groups/${b.id}`, {})).statusCode).toBe(422);
    expect((await patch(`${url}/groups/${b.id}`, { facilitatorAccountId: w.accounts.orgBAdmin.id })).statusCode).toBe(422);
    expect((await patch(`${url}/groups/${b.id}`, { facilitatorAccountId: w.accounts.member.id })).statusCode).toBe(422);
    const cleared = (await patch(`${url}/groups/${b.id}`, { facilitatorAccountId: null })).json();
    expect(cleared.groups[1].facilitator).toBeNull();
    // Until published again, the sibling organiser still facilitates group B as published.
    expect((await mine(w.accounts.siblingOrganiser.token)).statusCode).toBe(200);
    await w.ok('POST', `${url}/publish`, undefined, admin);
    expect((await mine(w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
    expect((await patch(`${url}/groups/${b.id}`, { name: '' })).statusCode).toBe(422);
    expect((await w.call('POST', `${url}/moves`, { rsvpId: rsvpIds[0], groupId: b.id }, w.accounts.member.token)).statusCode).toBe(404);
    expect((await w.call('POST', `${url}/publish`, undefined, w.accounts.siblingOrganiser.token)).statusCode).toBe(404);
  });

  it('records votes against the published group and rolls breakouts up to the meeting', async () => {
    const { event, rsvpIds } = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    const url = `/api/events/${event.id}/breakouts`;
    await w.ok('POST', url, { source: 'checked_in', groupSize: 2, seed: 9 }, admin);
    const plan: Plan = await w.ok('POST', `${url}/publish`, undefined, admin);
    const p = await w.programme(w.region.id, admin);
    const q = await w.question(p.id, choice, admin);
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${event.id}`, { questionIds: [q.id] }, admin);
    const s = await w.ok('POST', '/api/polls/sessions', { eventId: event.id }, admin);
    await w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q.id}/open`, undefined, admin);
    const tokens = [];
    for (const id of rsvpIds) tokens.push(await w.join(s.joinCode, manageToken(t.ctx.secret, id)));
    tokens.push(await w.join(s.joinCode));
    for (const [i, token] of tokens.entries()) expect((await w.vote(token, { questionId: q.id, optionIds: [q.options[i % 3].id] })).statusCode).toBe(200);
    const results = async (query: string) => (await w.ok('GET', `/api/programmes/${p.id}/results?event=${event.id}${query}`, undefined, admin)).questions[0];
    const meeting = await results('');
    expect(meeting.responses).toBe(5);
    const parts = [...(await Promise.all(plan.groups.map((g) => results(`&breakout=${g.id}`)))), await results('&breakout=none')];
    expect(parts.map((r) => r.responses)).toEqual([2, 2, 1]);
    expect(meeting.options.map((o: { votes: number }) => o.votes)).toEqual(
      meeting.options.map((_: unknown, i: number) => parts.reduce((sum, r) => sum + r.options[i].votes, 0)));
    expect((await w.call('GET', `/api/programmes/${p.id}/results?breakout=nope`, undefined, admin)).statusCode).toBe(422);
    // Answers are recorded against these groups: starting again is refused, adjusting is not.
    expect((await w.call('POST', url, { source: 'checked_in', groupSize: 2 }, admin)).statusCode).toBe(409);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/events/{id}/breakouts', '/api/events/{id}/breakouts/moves', '/api/events/{id}/breakouts/groups/{groupId}', '/api/events/{id}/breakouts/publish', '/api/events/{id}/breakouts/mine']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.paths['/api/programmes/{id}/results'].get.parameters.map((x: { name: string }) => x.name)).toContain('breakout');
  });
});
