import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { manageToken } from '../events/rsvpTokens.ts';
import { eventRsvps } from '../events/schema.ts';
import { rsvpBody } from '../events/testing/eventWorld.ts';
import { pollParticipants, pollVotes } from './schema.ts';
import { buildPollWorld, choice, multi, openText, ranking, scale, type PollWorld } from './testing/pollWorld.ts';

describe.each(testDatabaseKinds)('listening programmes and live polls on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
  });
  afterAll(() => t.close());

  it('creates a programme with a question bank whose questions and options keep their ids, and refuses bad ones', async () => {
    const p = await w.programme(w.branch.id);
    expect(p).toMatchObject({ unitId: w.branch.id, unitName: 'Riverside Branch', questions: [], meetingCount: 0, canManage: true });
    const q = await w.question(p.id, choice);
    expect(q.options.map((o: { id: string }) => o.id)).toEqual([expect.stringMatching(/^o_/), expect.stringMatching(/^o_/), expect.stringMatching(/^o_/)]);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
    expect(audit).toMatchObject({ action: 'programme.create', unitId: w.branch.id });

    const bad: [Record<string, unknown>, string][] = [
      [{ ...choice, options: [{ label: 'Only one' }] }, 'options'],
      [{ ...choice, options: [{ label: 'Same' }, { label: 'same' }] }, 'options.1.label'],
      [{ ...scale, scaleMin: 5, scaleMax: 2 }, 'scaleMax'],
      [{ ...openText, options: [{ label: 'x' }, { label: 'y' }] }, 'options'],
      [{ ...choice, kind: 'essay' }, 'body.kind'],
      [{ ...choice, surprise: 1 }, 'body'],
      [{ ...choice, options: [{ id: 'o_forgedforged', label: 'A' }, { label: 'B' }] }, 'options.0.id'],
    ];
    for (const [body, path] of bad) {
      const res = await w.call('POST', `/api/programmes/${p.id}/questions`, body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path).join(' ')).toContain(path);
    }
    expect((await w.call('POST', '/api/programmes', { unitId: w.sibling.id, title: 'Not mine' })).statusCode).toBe(422);
    expect((await w.call('POST', '/api/programmes', { unitId: w.branch.id, title: 'Member' }, w.accounts.member.token)).statusCode).toBe(403);
    expect((await w.call('POST', `/api/programmes/${p.id}/questions`, choice, w.accounts.member.token)).statusCode).toBe(403);
    expect((await w.ok('GET', `/api/programmes/${p.id}`)).questions).toHaveLength(1);
  });

  it('runs a live poll: join by code, one vote per participant per question that moves when changed, closed questions final', async () => {
    const p = await w.programme(w.branch.id);
    const [q1, q2, q3, q4, q5] = [await w.question(p.id, choice), await w.question(p.id, multi), await w.question(p.id, scale), await w.question(p.id, ranking), await w.question(p.id, openText)];
    const e = await w.meeting(w.branch.id);
    // Without a programme the meeting has no questions to ask.
    expect((await w.call('POST', '/api/polls/sessions', { eventId: e.id })).statusCode).toBe(422);
    expect((await w.call('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q1.id, q1.id] })).statusCode).toBe(422);
    expect((await w.call('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [crypto.randomUUID()] })).statusCode).toBe(422);
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q1.id, q2.id, q3.id, q4.id, q5.id] });

    const session = (await w.call('POST', '/api/polls/sessions', { eventId: e.id })).json();
    expect(session).toMatchObject({ status: 'open', participants: 0, joinCode: expect.stringMatching(/^[2-9A-Z]{6}$/), joinUrl: `http://localhost:3000/join/${session.joinCode}` });
    expect(session.qr.path).toMatch(/^M\d/);
    expect(session.questions.map((q: { state: string }) => q.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    // Opening again is the same session.
    expect((await w.ok('POST', '/api/polls/sessions', { eventId: e.id })).sessionId).toBe(session.sessionId);

    // Unknown codes and forged tokens.
    expect((await t.request({ method: 'POST', url: '/api/polls/join', payload: { code: 'ZZZZZZ' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/polls/join', payload: { code: '!!' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/polls/live/ZZZZZZ' })).statusCode).toBe(404);
    const forged = await w.vote('poll_forgedforgedforgedforgedforgedforged', { questionId: q1.id, optionIds: [q1.options[0].id] });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('unauthenticated');
    expect((await t.request({ method: 'POST', url: '/api/polls/votes', payload: { questionId: q1.id, optionIds: [q1.options[0].id] } })).statusCode).toBe(422);

    const alice = await w.join(session.joinCode.toLowerCase());
    const bob = await w.join(session.joinCode);
    // Not yet asked: nothing to vote on.
    expect((await w.vote(alice, { questionId: q1.id, optionIds: [q1.options[0].id] })).statusCode).toBe(404);
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q1.id}/open`);
    const live = (await t.request({ method: 'GET', url: `/api/polls/live/${session.joinCode}` })).json();
    expect(live.openQuestion).toMatchObject({ id: q1.id, prompt: choice.prompt, state: 'open' });

    expect((await w.vote(alice, { questionId: q1.id, optionIds: [q1.options[0].id] })).json()).toEqual({ questionId: q1.id, changed: false });
    expect((await w.vote(bob, { questionId: q1.id, optionIds: [q1.options[0].id] })).statusCode).toBe(200);
    // Alice changes her mind: her vote moves, it is not counted twice.
    expect((await w.vote(alice, { questionId: q1.id, optionIds: [q1.options[1].id] })).json()).toEqual({ questionId: q1.id, changed: true });
    // Wrong shapes: 422, nothing counted.
    for (const body of [
      { questionId: q1.id, optionIds: ['o_notanoption'] },
      { questionId: q1.id, optionIds: [q1.options[0].id, q1.options[1].id] },
      { questionId: q1.id, optionIds: [] },
      { questionId: q1.id, value: 3 },
      { questionId: q1.id, text: 'words' },
      { questionId: q2.id, optionIds: [q2.options[0].id] },
    ]) {
      const res = await w.vote(bob, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(body.questionId === q2.id ? 404 : 422);
    }
    let state = await w.ok('GET', `/api/polls/sessions/${session.sessionId}`);
    expect(state.participants).toBe(2);
    expect(state.questions[0].result.responses).toBe(2);
    expect(state.questions[0].result.options.map((o: { votes: number }) => o.votes)).toEqual([1, 1, 0]);

    // Opening the next question closes the first: its votes are final.
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q2.id}/open`);
    const late = await w.vote(bob, { questionId: q1.id, optionIds: [q1.options[2].id] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/closed/);
    expect((await w.call('POST', `/api/polls/sessions/${session.sessionId}/questions/${q1.id}/open`)).statusCode).toBe(409);
    expect((await w.vote(alice, { questionId: q2.id, optionIds: [q2.options[0].id, q2.options[2].id] })).statusCode).toBe(200);
    expect((await w.vote(alice, { questionId: q2.id, optionIds: [q2.options[0].id, q2.options[0].id] })).statusCode).toBe(422);
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q3.id}/open`);
    expect((await w.vote(alice, { questionId: q3.id, value: 9 })).statusCode).toBe(422);
    expect((await w.vote(alice, { questionId: q3.id, value: 4 })).statusCode).toBe(200);
    expect((await w.vote(bob, { questionId: q3.id, value: 2 })).statusCode).toBe(200);
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q4.id}/open`);
    const [r0, r1, r2] = q4.options.map((o: { id: string }) => o.id);
    expect((await w.vote(alice, { questionId: q4.id, optionIds: [r2, r0, r1] })).statusCode).toBe(200);
    expect((await w.vote(bob, { questionId: q4.id, optionIds: [r2, r1] })).statusCode).toBe(200);
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q5.id}/open`);
    expect((await w.vote(alice, { questionId: q5.id, text: 'Fix the damp in the flats' })).statusCode).toBe(200);
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/questions/${q5.id}/close`);
    expect((await w.vote(bob, { questionId: q5.id, text: 'Too late' })).statusCode).toBe(409);

    state = await w.ok('GET', `/api/polls/sessions/${session.sessionId}`);
    const byId = Object.fromEntries(state.questions.map((q: { id: string }) => [q.id, q]));
    expect(byId[q2.id].result.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 1]);
    expect(byId[q3.id].result).toMatchObject({ responses: 2, mean: 3, scale: [{ value: 1, count: 0 }, { value: 2, count: 1 }, { value: 3, count: 0 }, { value: 4, count: 1 }, { value: 5, count: 0 }] });
    expect(byId[q4.id].result.options.map((o: { votes: number; firstChoices: number; rankSum: number }) => [o.votes, o.firstChoices, o.rankSum])).toEqual([[1, 0, 2], [2, 0, 5], [2, 2, 2]]);
    expect(byId[q5.id].texts).toEqual(['Fix the damp in the flats']);
    // Participants see results, never anyone's words.
    const pub = (await t.request({ method: 'GET', url: `/api/polls/live/${session.joinCode}` })).json();
    expect(JSON.stringify(pub)).not.toContain('damp in the flats');
    const me = (await t.request({ method: 'GET', url: '/api/polls/me', headers: { 'x-poll-token': alice } })).json();
    expect(me.votes).toHaveLength(5);

    // The programme's roll-up is the same sum; filters narrow it.
    const results = await w.ok('GET', `/api/programmes/${p.id}/results`);
    expect(results.meetings).toBe(1);
    expect(results.questions.map((q: { responses: number }) => q.responses)).toEqual([2, 1, 2, 2, 1]);
    expect((await w.ok('GET', `/api/programmes/${p.id}/results?event=${e.id}`)).questions[0].responses).toBe(2);
    expect((await w.ok('GET', `/api/programmes/${p.id}/results?unit=${w.sibling.id}`)).questions[0].responses).toBe(0);
    expect((await w.ok('GET', `/api/programmes/${p.id}/results?area=E05000001`)).meetings).toBe(0);
    expect((await w.call('GET', `/api/programmes/${p.id}/results?area=nonsense`)).statusCode).toBe(422);

    // Answered questions keep their meaning: a reworded prompt or option is refused; the same text is accepted.
    const edit = (body: Record<string, unknown>) => w.call('PUT', `/api/programmes/${p.id}/questions/${q1.id}`, body);
    expect((await edit({ ...choice, prompt: 'Something else entirely' })).statusCode).toBe(409);
    expect((await edit({ ...choice, options: q1.options.map((o: { id: string; label: string }, i: number) => ({ id: o.id, label: i === 0 ? 'Mould' : o.label })) })).statusCode).toBe(409);
    expect((await edit({ ...choice, options: q1.options })).statusCode).toBe(200);
    // A question nobody has answered may change, keeping the ids of the options it keeps.
    const fresh = await w.question(p.id, choice);
    const edited = (await w.ok('PUT', `/api/programmes/${p.id}/questions/${fresh.id}`, { ...choice, prompt: 'Reworded', options: [fresh.options[0], { label: 'New option' }] })).questions.find((q: { id: string }) => q.id === fresh.id);
    expect(edited.prompt).toBe('Reworded');
    expect(edited.options[0].id).toBe(fresh.options[0].id);

    // A question put to the room stays on the meeting's schedule; a meeting that held a poll stays in the programme.
    expect((await w.call('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q2.id, q3.id, q4.id, q5.id] })).statusCode).toBe(409);
    expect((await w.call('DELETE', `/api/programmes/${p.id}/meetings/${e.id}`)).statusCode).toBe(409);

    // Ending the poll: no joining, no voting.
    await w.ok('POST', `/api/polls/sessions/${session.sessionId}/close`);
    expect((await t.request({ method: 'POST', url: '/api/polls/join', payload: { code: session.joinCode } })).statusCode).toBe(409);
    expect((await w.vote(alice, { questionId: q4.id, optionIds: [r0] })).statusCode).toBe(409);
    expect(await t.ctx.db.$count(pollVotes, eq(pollVotes.sessionId, session.sessionId))).toBe(8);
  });

  it('links a participant to their RSVP only with a ticket for that meeting', async () => {
    const p = await w.programme(w.branch.id);
    const q = await w.question(p.id, choice);
    const e = await w.meeting(w.branch.id);
    const other = await w.meeting(w.branch.id, undefined, { title: 'Another meeting' });
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q.id] });
    const s = await w.ok('POST', '/api/polls/sessions', { eventId: e.id });
    expect((await t.request({ method: 'POST', url: `/api/public/events/${e.id}/rsvps`, payload: rsvpBody({ email: 'poller@example.org' }) })).statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `/api/public/events/${other.id}/rsvps`, payload: rsvpBody({ email: 'poller@example.org' }) })).statusCode).toBe(201);
    const [mine] = await t.ctx.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, e.id));
    const [elsewhere] = await t.ctx.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, other.id));
    const token = await w.join(s.joinCode, manageToken(t.ctx.secret, mine!.id));
    expect((await t.request({ method: 'POST', url: '/api/polls/join', payload: { code: s.joinCode, rsvpToken: manageToken(t.ctx.secret, elsewhere!.id) } })).statusCode).toBe(404);
    const rows = await t.ctx.db.select().from(pollParticipants).where(eq(pollParticipants.sessionId, s.sessionId));
    expect(rows.map((r) => r.rsvpId)).toEqual([mine!.id]);
    // Only the token's hash is stored.
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('keeps programmes and polls of another unit and another organisation out of sight', async () => {
    const region = await w.programme(w.region.id, w.accounts.regionAdmin.token, 'Region-wide listening');
    const q = await w.question(region.id, choice, w.accounts.regionAdmin.token);
    const home = await w.meeting(w.branch.id);
    const away = await w.meeting(w.sibling.id, w.accounts.siblingOrganiser.token, { title: 'Hillside listening', visibility: 'unit' });
    for (const e of [home, away]) await w.ok('PUT', `/api/programmes/${region.id}/meetings/${e.id}`, { questionIds: [q.id] }, w.accounts.regionAdmin.token);
    const sibOnly = await w.programme(w.sibling.id, w.accounts.siblingOrganiser.token, 'Hillside only');
    const orgB = await w.programme(w.orgB.id, w.accounts.orgBAdmin.token, 'Other party listening');

    const homeSession = await w.ok('POST', '/api/polls/sessions', { eventId: home.id });
    const awaySession = await w.ok('POST', '/api/polls/sessions', { eventId: away.id }, w.accounts.siblingOrganiser.token);
    for (const [s, id] of [[homeSession, home.id], [awaySession, away.id]] as const) {
      await w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q.id}/open`, undefined, id === home.id ? w.accounts.organiser.token : w.accounts.siblingOrganiser.token);
      expect((await w.vote(await w.join(s.joinCode), { questionId: q.id, optionIds: [q.options[id === home.id ? 0 : 1].id] })).statusCode).toBe(200);
    }

    // The branch organiser sees the region's programme through their own meeting, and only their meeting's answers.
    const listed = (await w.ok('GET', '/api/programmes?limit=200')).items.map((x: { id: string }) => x.id);
    expect(listed).toContain(region.id);
    expect(listed).not.toContain(sibOnly.id);
    expect(listed).not.toContain(orgB.id);
    expect((await w.call('GET', `/api/programmes/${sibOnly.id}`)).statusCode).toBe(404);
    expect((await w.call('GET', `/api/programmes/${orgB.id}`)).statusCode).toBe(404);
    expect((await w.call('GET', `/api/programmes/${orgB.id}/results`)).statusCode).toBe(404);
    expect((await w.call('POST', `/api/programmes/${region.id}/questions`, choice)).statusCode).toBe(403);
    const mine = await w.ok('GET', `/api/programmes/${region.id}/results`);
    expect(mine.meetings).toBe(1);
    expect(mine.questions[0].options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 0]);
    const meetings = (await w.ok('GET', `/api/programmes/${region.id}/meetings`)).items.map((m: { eventId: string }) => m.eventId);
    expect(meetings).toEqual([home.id]);
    expect((await w.call('GET', `/api/polls/sessions/${awaySession.sessionId}`)).statusCode).toBe(404);
    expect((await w.call('POST', `/api/polls/sessions/${awaySession.sessionId}/close`)).statusCode).toBe(404);
    expect((await w.call('GET', `/api/polls/meetings/${away.id}`)).statusCode).toBe(404);
    // Above both branches the region sees both; the other organisation sees neither.
    const all = await w.ok('GET', `/api/programmes/${region.id}/results`, undefined, w.accounts.regionAdmin.token);
    expect(all.questions[0].options.map((o: { votes: number }) => o.votes)).toEqual([1, 1, 0]);
    expect((await w.ok('GET', `/api/programmes/${region.id}/results?unit=${w.sibling.id}`, undefined, w.accounts.regionAdmin.token)).questions[0].options.map((o: { votes: number }) => o.votes)).toEqual([0, 1, 0]);
    expect((await w.ok('GET', '/api/programmes?limit=200', undefined, w.accounts.orgBAdmin.token)).items.map((x: { id: string }) => x.id)).toEqual([orgB.id]);
    expect((await w.call('GET', `/api/programmes/${region.id}/results`, undefined, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await w.call('GET', `/api/polls/sessions/${homeSession.sessionId}`, undefined, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    // A meeting outside the programme's unit cannot be added to it.
    const branchProg = await w.programme(w.branch.id);
    const bq = await w.question(branchProg.id, choice);
    expect((await w.call('PUT', `/api/programmes/${branchProg.id}/meetings/${away.id}`, { questionIds: [bq.id] })).statusCode).toBe(404);
    const regionMeeting = await w.meeting(w.region.id, w.accounts.regionAdmin.token);
    expect((await w.call('PUT', `/api/programmes/${branchProg.id}/meetings/${regionMeeting.id}`, { questionIds: [bq.id] }, w.accounts.regionAdmin.token)).statusCode).toBe(422);
    // A meeting already in one programme is not put in a second.
    expect((await w.call('PUT', `/api/programmes/${branchProg.id}/meetings/${home.id}`, { questionIds: [bq.id] })).statusCode).toBe(409);
  });
});
