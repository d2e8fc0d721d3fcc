import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { manageToken } from '../events/rsvpTokens.ts';
import { breakoutMeeting } from '../breakouts/testing/breakoutMeeting.ts';
import { buildPollWorld, choice, openText, type PollWorld } from './testing/pollWorld.ts';

type Listing = { eventId: string; questions: { programmeId: string; questionId: string; prompt: string; groups: { id: string; name: string; answers: number }[] }[] };
type View = { scope: string; canConfirm: boolean; answers: number; confirmed: { label: string; count: number }[]; suggested: { key: string; answers: { voteId: string; text: string }[] }[]; other: { answers: { voteId: string; text: string }[] } };

describe.each(testDatabaseKinds)('open-text questions for a breakout facilitator on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let admin: string;
  let programmeId: string;
  let asked: { id: string };
  let eventId: string;
  let groups: { id: string; members: { rsvpId: string }[] }[];
  let otherMeeting: string;
  const url = (id: string) => `/api/polls/meetings/${id}/open-text-questions`;
  const themes = (questionId: string) => `/api/programmes/${programmeId}/questions/${questionId}/themes`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    admin = w.accounts.regionAdmin.token;
    const p = await w.programme(w.region.id, admin);
    programmeId = p.id;
    asked = await w.question(p.id, openText, admin);
    const notYet = await w.question(p.id, { kind: 'open_text', prompt: 'Who else should be here?' }, admin);
    const c = await w.question(p.id, choice, admin);

    // A region meeting in two published groups: the volunteer facilitates the first, the sibling organiser the second.
    const m = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    eventId = m.event.id;
    await w.ok('POST', `/api/events/${eventId}/breakouts`, { source: 'checked_in', groupSize: 2, seed: 3, facilitatorIds: [w.accounts.volunteer.id, w.accounts.siblingOrganiser.id] }, admin);
    groups = (await w.ok('POST', `/api/events/${eventId}/breakouts/publish`, undefined, admin)).groups;
    await w.ok('PUT', `/api/programmes/${programmeId}/meetings/${eventId}`, { questionIds: [asked.id, c.id, notYet.id] }, admin);
    const s = await w.ok('POST', '/api/polls/sessions', { eventId }, admin);
    for (const q of [c.id, asked.id]) await w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q}/open`, undefined, admin);
    const answer = async (text: string, rsvpId?: string) => {
      const token = await w.join(s.joinCode, rsvpId ? manageToken(t.ctx.secret, rsvpId) : undefined);
      const res = await w.vote(token, { questionId: asked.id, text });
      expect(res.statusCode, res.body).toBe(200);
    };
    const [a, b] = groups;
    await answer('Damp in the flats', a!.members[0]!.rsvpId);
    await answer('The damp and mould in our flat', a!.members[1]!.rsvpId);
    await answer('Secret group two damp', b!.members[0]!.rsvpId);
    await answer('Unlinked answer about buses');

    // A sibling branch's meeting the volunteer neither facilitates at nor runs.
    otherMeeting = (await w.meeting(w.sibling.id, w.accounts.siblingOrganiser.token, { visibility: 'unit' })).id;
  });
  afterAll(() => t.close());

  it('lists the questions put at the meeting with the answer count of the facilitator’s own group only', async () => {
    const mine: Listing = await w.ok('GET', url(eventId), undefined, w.accounts.volunteer.token);
    expect(mine).toEqual({
      eventId,
      questions: [{ programmeId, questionId: asked.id, prompt: openText.prompt, groups: [{ id: groups[0]!.id, name: 'Group 1', answers: 2 }] }],
    });
    // Counts and prompts only: no answer's words, no participant.
    expect(JSON.stringify(mine)).not.toMatch(/damp|buses|participant|token/i);

    const theirs: Listing = await w.ok('GET', url(eventId), undefined, w.accounts.siblingOrganiser.token);
    expect(theirs.questions.map((q) => q.groups)).toEqual([[{ id: groups[1]!.id, name: 'Group 2', answers: 1 }]]);

    // Whoever runs the meeting sees every group.
    const host: Listing = await w.ok('GET', url(eventId), undefined, admin);
    expect(host.questions[0]!.groups.map((g) => [g.id, g.answers])).toEqual([[groups[0]!.id, 2], [groups[1]!.id, 1]]);
  });

  it('is a 404 for another meeting, another unit and another organisation, and a 422 for a bad id', async () => {
    for (const [token, id] of [
      [w.accounts.volunteer.token, otherMeeting],
      [w.accounts.organiser.token, eventId],
      [w.accounts.member.token, eventId],
      [w.accounts.orgBAdmin.token, eventId],
    ] as const) {
      const res = await w.call('GET', url(id), undefined, token);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', message: expect.any(String) });
      expect(res.body).not.toMatch(/damp|What would change/i);
    }
    const bad = await w.call('GET', url('not-a-uuid'), undefined, w.accounts.volunteer.token);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('validation_failed');
    // A meeting without breakout groups or poll: its manager gets an empty list, its facilitators none.
    expect(await w.ok('GET', url(otherMeeting), undefined, w.accounts.siblingOrganiser.token)).toMatchObject({ questions: [] });
  });

  it('lets the facilitator confirm a theme for their own group and not for another group', async () => {
    const [a, b] = groups;
    const volunteer = w.accounts.volunteer.token;
    const mine: View = await w.ok('GET', `${themes(asked.id)}?event=${eventId}&breakout=${a!.id}`, undefined, volunteer);
    expect(mine).toMatchObject({ scope: 'breakout', canConfirm: true, answers: 2 });
    const voteIds = mine.suggested.flatMap((s) => s.answers).concat(mine.other.answers).map((x) => x.voteId);
    const res = await w.call('POST', themes(asked.id), { eventId, breakoutId: a!.id, label: 'Damp', voteIds }, volunteer);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as View).confirmed.map((c) => [c.label, c.count])).toEqual([['Damp', 2]]);

    // The other group: neither read nor confirmed, even with the volunteer's own answers.
    const other = await w.call('GET', `${themes(asked.id)}?event=${eventId}&breakout=${b!.id}`, undefined, volunteer);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toMatch(/Secret group two/);
    expect((await w.call('POST', themes(asked.id), { eventId, breakoutId: b!.id, label: 'Damp', voteIds }, volunteer)).statusCode).toBe(404);
    // Strangers cannot confirm for the group either.
    for (const token of [w.accounts.organiser.token, w.accounts.orgBAdmin.token]) {
      expect((await w.call('POST', themes(asked.id), { eventId, breakoutId: a!.id, label: 'Mine', voteIds }, token)).statusCode).toBe(404);
    }
  });

  it('publishes the route in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/polls/meetings/{id}/open-text-questions']?.get).toBeDefined();
  });
});
