import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../db/execute.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { breakoutMeeting } from '../breakouts/testing/breakoutMeeting.ts';
import { seedTaxonomy } from '../issues/defaultTaxonomy.ts';
import { issues } from '../issues/schema.ts';
import { buildPollWorld, choice, scale, type PollWorld } from '../polls/testing/pollWorld.ts';
import { manageToken } from './rsvpTokens.ts';

const consentWording = 'May we use your words, without your name, in our campaign materials?';
const formula = '=HYPERLINK("http://example.com/x","click")';
type Result = { id: string; responses: number; options: { label: string; votes: number }[]; scale: { value: number; count: number }[]; mean: number | null };

/**
 * The close report of a meeting and of a programme: contents, who may read them (a record planted
 * in a sibling unit or another organisation never shows), the CSV downloads and the minutes.
 */
describe.each(testDatabaseKinds)('close reports on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let admin: string;
  let damp: string;
  let buses: string;
  let regionMeeting: string;
  let rsvpIds: string[];
  let siblingMeeting: string;
  let branchMeeting: string;
  let programmeId: string;
  let questionIds: string[];

  const sensitiveReads = async () => (await execute<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_events where action = 'meeting.read_sensitive'`))[0]!.n;
  /** A scheduled meeting's poll: opens each question in turn, votes with the tokens given, and closes the poll. */
  const poll = async (eventId: string, tokensFor: (code: string) => Promise<string[]>, answers: (q: number, i: number) => Record<string, unknown>) => {
    const s = await w.ok('POST', '/api/polls/sessions', { eventId }, admin);
    const tokens = await tokensFor(s.joinCode);
    for (const [qi, q] of questionIds.entries()) {
      await w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q}/open`, undefined, admin);
      for (const [i, token] of tokens.entries()) expect((await w.vote(token, { questionId: q, ...answers(qi, i) })).statusCode).toBe(200);
    }
    await w.ok('POST', `/api/polls/sessions/${s.sessionId}/close`, undefined, admin);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    admin = w.accounts.regionAdmin.token;
    await seedTaxonomy(t.ctx.db, w.root.orgId);
    const issueId = async (slug: string) => (await t.ctx.db.select().from(issues).where(and(eq(issues.orgId, w.root.orgId), eq(issues.slug, slug))))[0]!.id;
    damp = await issueId('damp-and-mould');
    buses = await issueId('buses');

    // The region's meeting: four attendees split into two published groups with facilitators.
    const m = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    regionMeeting = m.event.id;
    rsvpIds = m.rsvpIds;
    const plan = await w.ok('POST', `/api/events/${regionMeeting}/breakouts`, { source: 'checked_in', groupSize: 2, facilitatorIds: [w.accounts.volunteer.id, w.accounts.siblingOrganiser.id], seed: 7 }, admin);
    await w.ok('POST', `/api/events/${regionMeeting}/breakouts/publish`, undefined, admin);
    const [groupA] = plan.groups as { id: string; members: { rsvpId: string }[] }[];
    const notes = (what: string, body: Record<string, unknown>, token = admin) => w.ok('POST', `/api/events/${regionMeeting}/notes/${what}`, body, token);
    await notes('issues', { groupId: groupA!.id, issue: { issueId: damp }, peopleCount: 2, raisedBy: groupA!.members.map((x) => x.rsvpId) }, w.accounts.volunteer.token);
    await notes('issues', { groupId: null, issue: { issueId: damp }, peopleCount: 3, raisedBy: [] });
    await notes('issues', { groupId: null, issue: { issueId: buses }, raisedBy: [rsvpIds[3]] });
    await notes('themes', { groupId: groupA!.id, text: formula }, w.accounts.volunteer.token);
    await notes('quotes', { groupId: groupA!.id, text: 'Three winters of black mould.', consentWording, consented: true, speakerRsvpId: groupA!.members[0]!.rsvpId }, w.accounts.volunteer.token);

    // A programme of the region asking a choice and a scale question at three meetings.
    const p = await w.programme(w.region.id, admin, 'Listening to the valley');
    programmeId = p.id;
    const q1 = await w.question(p.id, choice, admin);
    const q2 = await w.question(p.id, scale, admin);
    questionIds = [q1.id, q2.id];
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${regionMeeting}`, { questionIds }, admin);
    // Four attendees linked to their RSVPs (so their group) and one who joined with the code only.
    await poll(regionMeeting, async (code) => [...(await Promise.all(rsvpIds.map((id) => w.join(code, manageToken(t.ctx.secret, id))))), await w.join(code)],
      (q, i) => (q === 0 ? { optionIds: [q1.options[i % 3].id] } : { value: 1 + (i % 5) }));

    // A meeting of the sibling branch (the canary for branch callers) and one of the branch.
    const sib = await w.meeting(w.sibling.id, w.accounts.siblingOrganiser.token, { title: 'Hillside canary meeting', visibility: 'unit' });
    siblingMeeting = sib.id;
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${siblingMeeting}`, { questionIds }, admin);
    await w.ok('POST', `/api/events/${siblingMeeting}/notes/issues`, { groupId: null, issue: { issueId: buses }, peopleCount: 7, raisedBy: [] }, w.accounts.siblingOrganiser.token);
    await poll(siblingMeeting, async (code) => [await w.join(code), await w.join(code)], (q) => (q === 0 ? { optionIds: [q1.options[1].id] } : { value: 5 }));
    const br = await w.meeting(w.branch.id, w.accounts.organiser.token, { title: 'Riverside meeting', visibility: 'unit' });
    branchMeeting = br.id;
    await w.ok('PUT', `/api/programmes/${p.id}/meetings/${branchMeeting}`, { questionIds }, admin);
    await poll(branchMeeting, async (code) => [await w.join(code)], (q) => (q === 0 ? { optionIds: [q1.options[0].id] } : { value: 2 }));
  }, 120_000);
  afterAll(() => t.close());

  it('reports a meeting: attendance, minutes, issues, themes, quotes without speakers, and polls by breakout group', async () => {
    const saved = await w.ok('PUT', `/api/events/${regionMeeting}/minutes`, { text: '  +44 ring the council about the lifts  ' }, admin);
    expect(saved.minutes).toMatchObject({ text: '+44 ring the council about the lifts', updatedBy: expect.any(String) });
    const before = await sensitiveReads();
    const res = await w.call('GET', `/api/events/${regionMeeting}/report`, undefined, admin);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.attendance).toEqual({ going: 4, waitlisted: 0, cancelled: 0, checkedIn: 4, walkIns: 0 });
    expect(r.organisations).toEqual({ recorded: false, items: [] });
    expect(r.minutes.text).toBe('+44 ring the council about the lifts');
    expect(r.issues.map((i: { issue: { id: string } }) => i.issue.id)).toEqual([damp, buses]);
    expect(r.issues[0]).toMatchObject({ records: 2, namedPeople: 2, reportedPeople: 5 });
    expect(r.issues[0].groups).toHaveLength(2);
    expect(r.issues[1]).toMatchObject({ records: 1, namedPeople: 1, reportedPeople: 0, groups: [null] });
    expect(r.themes).toEqual([{ group: expect.any(String), text: formula }]);
    expect(r.quotes).toEqual([{ group: expect.any(String), text: 'Three winters of black mould.' }]);
    // Nobody is named, so the report's read adds no per-person audit row (the notes' own read would).
    expect(res.body).not.toContain('Attendee0');
    expect(await sensitiveReads()).toBe(before);
    await w.ok('GET', `/api/events/${regionMeeting}/notes`, undefined, admin);
    expect(await sensitiveReads()).toBeGreaterThan(before);

    expect(r.polls.programme).toEqual({ id: programmeId, title: 'Listening to the valley' });
    const [c, s] = r.polls.questions as Result[];
    expect(c!.responses).toBe(5);
    expect(c!.options.map((o) => o.votes)).toEqual([2, 2, 1]);
    expect(s!.scale.map((x) => x.count)).toEqual([1, 1, 1, 1, 1]);
    // Two groups and those in none add up to the room.
    expect(r.polls.breakouts.map((b: { id: string | null }) => b.id === null)).toEqual([false, false, true]);
    for (const [qi, q] of (r.polls.questions as Result[]).entries()) {
      const parts = (r.polls.breakouts as { questions: Result[] }[]).map((b) => b.questions[qi]!);
      expect(parts.reduce((n, p) => n + p.responses, 0)).toBe(q.responses);
      expect(q.options.map((_, oi) => parts.reduce((n, p) => n + p.options[oi]!.votes, 0))).toEqual(q.options.map((o) => o.votes));
    }
  });

  it('lets only those who run a meeting read its report or save its minutes', async () => {
    const pub = await w.meeting(w.branch.id, w.accounts.organiser.token, { title: 'Open branch meeting' });
    const report = (id: string, token: string, csv = false) => w.call('GET', `/api/events/${id}/report${csv ? '.csv' : ''}`, undefined, token);
    for (const csv of [false, true]) {
      // Seen but not run: 403; not seen (unit-only elsewhere, another organisation): 404.
      expect((await report(pub.id, w.accounts.member.token, csv)).statusCode).toBe(403);
      expect((await report(pub.id, w.accounts.siblingMember.token, csv)).statusCode).toBe(403);
      expect((await report(pub.id, w.accounts.organiser.token, csv)).statusCode).toBe(200);
      expect((await report(regionMeeting, w.accounts.member.token, csv)).statusCode).toBe(404);
      // A facilitator of a group reads their group's notes, not the meeting's report.
      expect((await report(regionMeeting, w.accounts.volunteer.token, csv)).statusCode).toBe(404);
      expect((await report(regionMeeting, w.accounts.orgBAdmin.token, csv)).statusCode).toBe(404);
      expect((await report(siblingMeeting, w.accounts.organiser.token, csv)).statusCode).toBe(404);
    }
    expect((await w.call('GET', '/api/events/not-a-uuid/report', undefined, admin)).statusCode).toBe(422);
    const minutes = (id: string, body: unknown, token: string) => w.call('PUT', `/api/events/${id}/minutes`, body, token);
    expect((await minutes(pub.id, { text: 'x' }, w.accounts.member.token)).statusCode).toBe(403);
    expect((await minutes(regionMeeting, { text: 'x' }, w.accounts.orgBAdmin.token)).statusCode).toBe(404);
    expect((await minutes(pub.id, { text: 'x', extra: 1 }, w.accounts.organiser.token)).statusCode).toBe(422);
    expect((await minutes(pub.id, { text: 'x'.repeat(20_001) }, w.accounts.organiser.token)).statusCode).toBe(422);
    expect((await minutes(pub.id, { text: 'Kept' }, w.accounts.organiser.token)).json().minutes.text).toBe('Kept');
    expect((await minutes(pub.id, { text: '   ' }, w.accounts.organiser.token)).json()).toEqual({ minutes: null });
    expect((await report(pub.id, w.accounts.organiser.token)).json().minutes).toBeNull();
    const audited = await execute<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from audit_events where action = 'meeting.minutes_save' and entity_id = ${pub.id}`);
    expect(audited[0]!.n).toBe(2);
  });

  it('downloads a meeting report as CSV with every formula-like cell made inert', async () => {
    const res = await w.call('GET', `/api/events/${regionMeeting}/report.csv`, undefined, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="meeting-report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows: string[][] = parse(res.body);
    expect(rows[0]).toEqual(['section', 'breakout', 'subject', 'detail', 'measure', 'value']);
    expect(rows).toContainEqual(['theme', expect.any(String), `'${formula}`, '', '', '']);
    expect(rows.find((r) => r[0] === 'minutes')![5]).toBe("'+44 ring the council about the lifts");
    expect(rows).toContainEqual(['attendance', '', 'checked in', '', 'people', '4']);
    expect(rows).toContainEqual(['issue', '', 'Damp and mould', '', 'reported people', '5']);
    expect(rows.filter((r) => r[0] === 'poll' && r[1] === '' && r[4] === 'responses').map((r) => r[5])).toEqual(['5', '5']);
    expect(rows.filter((r) => r[0] === 'poll' && r[1] === '(in no group)' && r[4] === 'responses').map((r) => r[5])).toEqual(['1', '1']);
    expect(res.body).not.toContain('Attendee0');
    // No cell a spreadsheet would run as a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('rolls a programme up across the meetings the caller may see, by unit, with issues only from meetings they run', async () => {
    const report = async (token: string, q = '') => {
      const res = await w.call('GET', `/api/programmes/${programmeId}/report${q}`, undefined, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const all = await report(admin);
    expect(all.meetings.map((m: { eventId: string }) => m.eventId).sort()).toEqual([regionMeeting, siblingMeeting, branchMeeting].sort());
    expect(all.totals).toMatchObject({ meetings: 3, cancelled: 0, withPoll: 3, going: 4, checkedIn: 4 });
    expect(all.truncated).toBe(false);
    // Buses was raised at two meetings, damp at one: ranked by meetings.
    expect(all.issues.fromMeetings).toBe(3);
    expect(all.issues.items.map((i: { issue: { id: string }; meetings: number; reportedPeople: number }) => [i.issue.id, i.meetings, i.reportedPeople])).toEqual([[buses, 2, 7], [damp, 1, 5]]);
    expect(all.issues.items[0].byMeeting.map((b: { eventId: string }) => b.eventId).sort()).toEqual([regionMeeting, siblingMeeting].sort());
    const choiceQ = all.questions[0];
    expect(choiceQ.responses).toBe(8);
    expect(choiceQ.options.map((o: { votes: number }) => o.votes)).toEqual([3, 4, 1]);
    expect(choiceQ.byMeeting).toHaveLength(3);
    expect(all.questions[1].mean).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 5 + 5 + 2) / 8, 1);

    // A branch organiser sees the programme through their own meeting, and nothing of the sibling's.
    const branch = await report(w.accounts.organiser.token);
    expect(branch.meetings.map((m: { eventId: string }) => m.eventId)).toEqual([branchMeeting]);
    expect(branch.totals.meetings).toBe(1);
    expect(branch.questions[0].responses).toBe(1);
    expect(branch.issues).toEqual({ fromMeetings: 1, items: [] });
    const branchCsv = await w.call('GET', `/api/programmes/${programmeId}/report.csv`, undefined, w.accounts.organiser.token);
    for (const body of [JSON.stringify(branch), branchCsv.body]) {
      expect(body).not.toContain(siblingMeeting);
      expect(body).not.toContain('Hillside canary');
      expect(body).not.toContain(regionMeeting);
    }

    // The unit filter narrows to a subtree; a unit outside the caller's narrows to nothing.
    const sibling = await report(admin, `?unit=${w.sibling.id}`);
    expect(sibling.meetings.map((m: { eventId: string }) => m.eventId)).toEqual([siblingMeeting]);
    expect(sibling.questions[0].responses).toBe(2);
    expect(sibling.issues.items.map((i: { issue: { id: string } }) => i.issue.id)).toEqual([buses]);
    const outside = await report(w.accounts.organiser.token, `?unit=${w.sibling.id}`);
    expect(outside.totals.meetings).toBe(0);
    expect(outside.questions[0].responses).toBe(0);

    for (const token of [w.accounts.orgBAdmin.token, w.accounts.siblingMember.token]) {
      expect((await w.call('GET', `/api/programmes/${programmeId}/report`, undefined, token)).statusCode).toBe(404);
      expect((await w.call('GET', `/api/programmes/${programmeId}/report.csv`, undefined, token)).statusCode).toBe(404);
    }
    expect((await w.call('GET', `/api/programmes/${programmeId}/report?unit=nope`, undefined, admin)).statusCode).toBe(422);
    expect((await w.call('GET', `/api/programmes/${programmeId}/report?extra=1`, undefined, admin)).statusCode).toBe(422);
  });

  it('downloads a programme report as CSV whose per-meeting rows add up to the totals', async () => {
    const res = await w.call('GET', `/api/programmes/${programmeId}/report.csv`, undefined, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parse(res.body);
    expect(rows[0]).toEqual(['section', 'meeting', 'meeting_start', 'subject', 'detail', 'measure', 'value']);
    expect(rows).toContainEqual(['totals', 'All meetings', '', 'meetings', '', 'count', '3']);
    const votes = rows.filter((r) => r[0] === 'poll' && r[3] === choice.prompt && r[5] === 'votes');
    const total = (label: string) => Number(votes.find((r) => r[1] === 'All meetings' && r[4] === label)![6]);
    const split = (label: string) => votes.filter((r) => r[1] !== 'All meetings' && r[4] === label).reduce((n, r) => n + Number(r[6]), 0);
    for (const o of choice.options) expect(split(o.label)).toBe(total(o.label));
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/events/{id}/report', '/api/events/{id}/report.csv', '/api/events/{id}/minutes', '/api/programmes/{id}/report', '/api/programmes/{id}/report.csv']) expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths['/api/programmes/{id}/report'].get.parameters.map((x: { name: string }) => x.name)).toContain('unit');
  });
});
