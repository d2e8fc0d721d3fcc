import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { manageToken } from '../events/rsvpTokens.ts';
import { breakoutMeeting } from '../breakouts/testing/breakoutMeeting.ts';
import { buildPollWorld, choice, openText, type PollWorld } from './testing/pollWorld.ts';

type View = {
  scope: string; canConfirm: boolean; answers: number;
  confirmed: { id: string; label: string; count: number; examples: string[]; answers: { voteId: string; text: string }[]; suggestedAnswers: { voteId: string; text: string }[] }[];
  suggested: { key: string; label: string; count: number; examples: string[]; answers: { voteId: string; text: string }[] }[];
  other: { count: number; answers: { voteId: string; text: string }[] };
};
type Rollup = { answers: number; meetings: number; themed: number; unthemed: number; themes: { label: string; count: number; confirmations: number; examples: string[] }[] };

describe.each(testDatabaseKinds)('themes of open-text answers on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let admin: string;
  let programmeId: string;
  let question: { id: string };
  let base: string;
  let region: { event: { id: string }; groups: { id: string; members: { rsvpId: string }[] }[]; session: string; code: string };
  let branchMeeting: { id: string; session: string; code: string };
  let siblingMeeting: { id: string; session: string; code: string };

  /** A meeting asking the open-text question with its poll open; `token` is someone who manages it. */
  const asking = async (eventId: string, token: string) => {
    await w.ok('PUT', `/api/programmes/${programmeId}/meetings/${eventId}`, { questionIds: [question.id] }, admin);
    const s = await w.ok('POST', '/api/polls/sessions', { eventId }, token);
    await w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${question.id}/open`, undefined, token);
    return { session: s.sessionId as string, code: s.joinCode as string };
  };
  const answer = async (code: string, text: string, rsvpId?: string) => {
    const token = await w.join(code, rsvpId ? manageToken(t.ctx.secret, rsvpId) : undefined);
    const res = await w.vote(token, { questionId: question.id, text });
    expect(res.statusCode, res.body).toBe(200);
    return token;
  };
  const view = async (query: string, token: string): Promise<View> => w.ok('GET', `${base}${query}`, undefined, token);
  const rollup = async (query: string, token: string): Promise<Rollup> => w.ok('GET', `${base}/rollup${query}`, undefined, token);

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    admin = w.accounts.regionAdmin.token;
    const p = await w.programme(w.region.id, admin);
    programmeId = p.id;
    question = await w.question(p.id, openText, admin);
    base = `/api/programmes/${programmeId}/questions/${question.id}/themes`;

    // A region meeting split in two published groups: the volunteer facilitates the first, the sibling organiser the second.
    const m = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    await w.ok('POST', `/api/events/${m.event.id}/breakouts`, { source: 'checked_in', groupSize: 2, seed: 3, facilitatorIds: [w.accounts.volunteer.id, w.accounts.siblingOrganiser.id] }, admin);
    const plan = await w.ok('POST', `/api/events/${m.event.id}/breakouts/publish`, undefined, admin);
    const r = await asking(m.event.id, admin);
    region = { event: m.event, groups: plan.groups, ...r };
    const [a, b] = plan.groups as { members: { rsvpId: string }[] }[];
    await answer(r.code, 'Damp in the flats', a!.members[0]!.rsvpId);
    await answer(r.code, 'The damp and mould in our flat', a!.members[1]!.rsvpId);
    await answer(r.code, 'Damp everywhere', b!.members[0]!.rsvpId);
    await answer(r.code, 'Buses are always late', b!.members[1]!.rsvpId);
    await answer(r.code, 'More buses in the evening');

    // A branch meeting (its organiser runs it) and a sibling branch meeting: the sibling's answers must never reach the branch organiser.
    const e2 = await w.meeting(w.branch.id);
    branchMeeting = { id: e2.id, ...(await asking(e2.id, w.accounts.organiser.token)) };
    await answer(branchMeeting.code, 'Damp housing');
    await answer(branchMeeting.code, 'damp walls');
    const e3 = await w.meeting(w.sibling.id, w.accounts.siblingOrganiser.token, { visibility: 'unit' });
    siblingMeeting = { id: e3.id, ...(await asking(e3.id, w.accounts.siblingOrganiser.token)) };
    await answer(siblingMeeting.code, 'Secret sibling damp complaint');
    await answer(siblingMeeting.code, 'Another sibling damp note');
  });
  afterAll(() => t.close());

  it('suggests themes to a facilitator for their own group only, and lets them confirm one', async () => {
    const [a, b] = region.groups;
    const q = `?event=${region.event.id}&breakout=${a!.id}`;
    const mine = await view(q, w.accounts.volunteer.token);
    expect(mine).toMatchObject({ scope: 'breakout', canConfirm: true, answers: 2 });
    expect(mine.suggested.map((s) => [s.key, s.count])).toEqual([['damp', 2]]);
    // Words and vote ids only: nobody's token, participant or name.
    expect(Object.keys(mine.suggested[0]!.answers[0]!).sort()).toEqual(['text', 'voteId']);
    expect(JSON.stringify(mine)).not.toMatch(/participant|token|Attendee/i);

    // The other group, the whole meeting, and strangers: nothing.
    expect((await w.call('GET', `${base}?event=${region.event.id}&breakout=${b!.id}`, undefined, w.accounts.volunteer.token)).statusCode).toBe(404);
    expect((await w.call('GET', `${base}?event=${region.event.id}`, undefined, w.accounts.volunteer.token)).statusCode).toBe(404);
    for (const token of [w.accounts.member.token, w.accounts.orgBAdmin.token]) expect((await w.call('GET', `${base}${q}`, undefined, token)).statusCode).toBe(404);
    expect((await w.call('GET', `${base}?breakout=${a!.id}`, undefined, admin)).statusCode).toBe(422);

    const voteIds = mine.suggested[0]!.answers.map((x) => x.voteId);
    const confirmed: View = (await w.call('POST', base, { eventId: region.event.id, breakoutId: a!.id, label: 'Damp', voteIds }, w.accounts.volunteer.token)).json();
    expect(confirmed.confirmed.map((c) => [c.label, c.count])).toEqual([['Damp', 2]]);
    expect(confirmed.suggested).toEqual([]);
    // The other group's facilitator confirms their own "damp" theme, with the same label in other words.
    const theirs = await view(`?event=${region.event.id}&breakout=${b!.id}`, w.accounts.siblingOrganiser.token);
    const damp = theirs.other.answers.concat(theirs.suggested.flatMap((s) => s.answers)).filter((x) => /damp/i.test(x.text)).map((x) => x.voteId);
    expect((await w.call('POST', base, { eventId: region.event.id, breakoutId: b!.id, label: ' damp! ', voteIds: damp }, w.accounts.siblingOrganiser.token)).statusCode).toBe(201);
    // A facilitator cannot place answers of the other group in theirs.
    const res = await w.call('POST', base, { eventId: region.event.id, breakoutId: a!.id, label: 'Buses', voteIds: damp }, w.accounts.volunteer.token);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('voteIds.0');
  });

  it('lets the host rename, merge, move, reject and un-confirm at the meeting, and keeps themes when answers arrive later', async () => {
    const q = `?event=${region.event.id}`;
    let v = await view(q, admin);
    expect(v).toMatchObject({ scope: 'meeting', canConfirm: true, answers: 5 });
    const buses = v.suggested.find((s) => s.key === 'bus')!;
    expect(buses.count).toBe(2);
    v = (await w.call('POST', base, { eventId: region.event.id, label: 'Buses', voteIds: buses.answers.map((x) => x.voteId) }, admin)).json();
    const damp = v.suggested.find((s) => s.key === 'damp')!;
    v = (await w.call('POST', base, { eventId: region.event.id, label: 'Housing', voteIds: damp.answers.map((x) => x.voteId) }, admin)).json();
    expect(v.confirmed.map((c) => [c.label, c.count])).toEqual([['Buses', 2], ['Housing', 3]]);
    const [busTheme, housing] = v.confirmed as [View['confirmed'][0], View['confirmed'][0]];

    // Rename; a clash with another theme's label is a 409.
    expect((await t.request({ method: 'PATCH', url: `${base}/${housing.id}`, token: admin, payload: { label: 'buses' } })).statusCode).toBe(409);
    v = (await t.request({ method: 'PATCH', url: `${base}/${housing.id}`, token: admin, payload: { label: 'Damp' } })).json();
    expect(v.confirmed.map((c) => c.label)).toEqual(['Buses', 'Damp']);
    // Move one answer out, then back in.
    const one = housing.answers[0]!.voteId;
    v = await w.ok('POST', `${base}/moves`, { eventId: region.event.id, voteIds: [one], themeId: null }, admin);
    expect(v.confirmed.find((c) => c.id === housing.id)!.count).toBe(2);
    // Unthemed but sharing the theme's terms, it is suggested into it.
    expect(v.confirmed.find((c) => c.id === housing.id)!.suggestedAnswers.map((x) => x.voteId)).toEqual([one]);
    v = await w.ok('POST', `${base}/moves`, { eventId: region.event.id, voteIds: [one], themeId: busTheme.id }, admin);
    expect(v.confirmed.map((c) => c.count)).toEqual([3, 2]);
    // Merge the buses theme into damp: one theme of five.
    v = await w.ok('POST', `${base}/${busTheme.id}/merge`, { intoThemeId: housing.id }, admin);
    expect(v.confirmed.map((c) => [c.label, c.count])).toEqual([['Damp', 5]]);
    // Un-confirm: everything is suggested again; reject the damp suggestion: it is not made again.
    v = await w.ok('DELETE', `${base}/${housing.id}`, undefined, admin);
    expect(v.confirmed).toEqual([]);
    expect(v.suggested.map((s) => s.key)).toContain('damp');
    v = await w.ok('POST', `${base}/rejections`, { eventId: region.event.id, key: 'damp' }, admin);
    expect(v.suggested.map((s) => s.key)).not.toContain('damp');
    expect(v.suggested.reduce((n, s) => n + s.count, 0) + v.other.count).toBe(5);

    // Confirm again, then a late answer joins: suggested into the matching theme, never silently added.
    await w.ok('POST', base, { eventId: region.event.id, label: 'Damp', voteIds: v.other.answers.concat(v.suggested.flatMap((s) => s.answers)).filter((x) => /damp/i.test(x.text)).map((x) => x.voteId) }, admin);
    await answer(region.code, 'Damp in the bedroom');
    await answer(region.code, 'A youth club');
    v = await view(q, admin);
    const theme = v.confirmed.find((c) => c.label === 'Damp')!;
    expect(theme.count).toBe(3);
    expect(theme.suggestedAnswers.map((x) => x.text)).toEqual(['Damp in the bedroom']);
    expect(v.other.answers.map((x) => x.text)).toContain('A youth club');

    // Bad input, one error shape.
    for (const [method, url, payload] of [
      ['POST', base, { eventId: region.event.id, label: 'X', voteIds: [] }],
      ['POST', base, { eventId: region.event.id, label: '!!!', voteIds: [theme.answers[0]!.voteId] }],
      ['POST', base, { eventId: region.event.id, label: 'X', voteIds: [theme.answers[0]!.voteId], extra: 1 }],
      ['POST', `${base}/rejections`, { eventId: region.event.id, key: 'Not A Stem' }],
      ['POST', `${base}/${theme.id}/merge`, { intoThemeId: theme.id }],
    ] as const) {
      const res = await t.request({ method, url, token: admin, payload });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    }
    // Themes are for open-text questions only.
    const c = await w.question(programmeId, choice, admin);
    expect((await w.call('GET', `/api/programmes/${programmeId}/questions/${c.id}/themes?event=${region.event.id}`, undefined, admin)).statusCode).toBe(422);
    // A facilitator may not confirm for the whole meeting; a member may not see it at all.
    expect((await w.call('POST', base, { eventId: region.event.id, label: 'X', voteIds: [theme.answers[0]!.voteId] }, w.accounts.volunteer.token)).statusCode).toBe(404);
  });

  it('keeps another unit’s meeting out of reach of the branch organiser', async () => {
    const mine = await view(`?event=${branchMeeting.id}`, w.accounts.organiser.token);
    expect(mine.answers).toBe(2);
    const sibling = await view(`?event=${siblingMeeting.id}`, w.accounts.siblingOrganiser.token);
    const theirVotes = sibling.suggested.flatMap((s) => s.answers).concat(sibling.other.answers).map((x) => x.voteId);
    const theirs: View = (await w.call('POST', base, { eventId: siblingMeeting.id, label: 'Damp', voteIds: theirVotes }, w.accounts.siblingOrganiser.token)).json();
    const theirTheme = theirs.confirmed[0]!.id;

    const organiser = w.accounts.organiser.token;
    expect((await w.call('GET', `${base}?event=${siblingMeeting.id}`, undefined, organiser)).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `${base}/${theirTheme}`, token: organiser, payload: { label: 'Mine now' } })).statusCode).toBe(404);
    expect((await w.call('POST', `${base}/${theirTheme}/merge`, { intoThemeId: theirTheme }, organiser)).statusCode).toBe(404);
    expect((await w.call('DELETE', `${base}/${theirTheme}`, undefined, organiser)).statusCode).toBe(404);
    const res = await w.call('POST', base, { eventId: branchMeeting.id, label: 'Damp', voteIds: theirVotes }, organiser);
    expect(res.statusCode).toBe(422);
    expect((await w.call('POST', `${base}/moves`, { eventId: branchMeeting.id, voteIds: theirVotes, themeId: null }, organiser)).statusCode).toBe(422);
    expect((await w.call('GET', `${base}?event=${siblingMeeting.id}`, undefined, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await w.call('GET', `${base}/rollup`, undefined, w.accounts.orgBAdmin.token)).statusCode).toBe(404);

    // The branch organiser's programme-wide view counts their own meeting only.
    await w.ok('POST', base, { eventId: branchMeeting.id, label: 'Damp', voteIds: mine.suggested[0]!.answers.map((x) => x.voteId) }, organiser);
    const theirsRolled = await rollup('', organiser);
    expect(theirsRolled).toMatchObject({ answers: 2, meetings: 1, themed: 2, themes: [{ label: 'Damp', count: 2, confirmations: 1 }] });
    expect(JSON.stringify(theirsRolled)).not.toMatch(/sibling/i);
    const programmeWide = await view('', organiser);
    expect(programmeWide.answers).toBe(2);
    expect(programmeWide.canConfirm).toBe(false);
  });

  it('counts confirmed themes up from breakout groups to the meeting and the programme, each answer once', async () => {
    const [a, b] = region.groups;
    // Group themes: "Damp" in both groups (2 + 1); the meeting's own "Damp" holds the same three, which count under their groups' themes, once.
    expect(await rollup(`?event=${region.event.id}&breakout=${a!.id}`, admin)).toMatchObject({ answers: 2, themed: 2, themes: [{ label: 'Damp', count: 2, confirmations: 1 }] });
    const meeting = await rollup(`?event=${region.event.id}`, admin);
    expect(meeting).toMatchObject({ answers: 7, meetings: 1, themed: 3, unthemed: 4 });
    expect(meeting.themes).toEqual([{ label: 'Damp', count: 3, confirmations: 2, examples: expect.any(Array) }]);
    expect(b).toBeDefined();
    // The programme: the region meeting's 3, the branch's 2 and the sibling's 2, combined under one label.
    const all = await rollup('', admin);
    expect(all).toMatchObject({ answers: 11, meetings: 3, themed: 7 });
    expect(all.themes.map((x) => [x.label, x.count, x.confirmations])).toEqual([['Damp', 7, 4]]);
    expect(all.themes[0]!.examples.length).toBeLessThanOrEqual(3);
    expect((await rollup(`?unit=${w.branch.id}`, admin)).themed).toBe(2);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const p = '/api/programmes/{id}/questions/{questionId}/themes';
    for (const path of [p, `${p}/moves`, `${p}/rejections`, `${p}/rollup`, `${p}/{themeId}`, `${p}/{themeId}/merge`]) expect(doc.paths[path], path).toBeDefined();
  });
});
