import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/factories.ts';
import { execute } from '../../db/execute.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { seedTaxonomy } from '../issues/defaultTaxonomy.ts';
import { issues } from '../issues/schema.ts';
import { buildPollWorld, type PollWorld } from '../polls/testing/pollWorld.ts';
import { refreshSalience } from '../salience/refreshSalience.ts';
import { salienceSettings } from '../salience/routes.ts';
import { breakoutMeeting } from './testing/breakoutMeeting.ts';

type Group = { id: string | null; name: string | null; canRecord: boolean; issues: { issue: { id: string }; peopleCount: number | null; raisedBy: { rsvpId: string }[] }[]; themes: { text: string }[]; quotes: { text: string; consentWording: string; speaker: { rsvpId: string } | null }[] };
type Notes = { groups: Group[]; summary: { issue: { id: string; label: string }; records: number; namedPeople: { value: number | null; suppressed: boolean }; reportedPeople: { value: number | null; suppressed: boolean } }[] };

const consentWording = 'May we use your words, without your name unless you agree, in our campaign materials?';

describe.each(testDatabaseKinds)('meeting notes on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let admin: string;
  let rootReader: string;
  let damp: string;
  let buses: string;
  let eventId: string;
  let groupA: { id: string; members: { rsvpId: string }[] };
  let groupB: { id: string; members: { rsvpId: string }[] };
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    admin = w.accounts.regionAdmin.token;
    await seedTaxonomy(t.ctx.db, w.root.orgId);
    await seedTaxonomy(t.ctx.db, w.orgB.orgId);
    const issueId = async (slug: string) => (await t.ctx.db.select().from(issues).where(and(eq(issues.orgId, w.root.orgId), eq(issues.slug, slug))))[0]!.id;
    damp = await issueId('damp-and-mould');
    buses = await issueId('buses');
    rootReader = (await buildAccount(t.ctx, [{ unitId: w.root.id, role: 'organiser' }])).token;
    const { event } = await breakoutMeeting(t, w, ['E05000001', 'E05000001', 'E05000002', 'E05000002']);
    eventId = event.id;
    const plan = await w.ok('POST', `/api/events/${eventId}/breakouts`, { source: 'checked_in', groupSize: 2, facilitatorIds: [w.accounts.volunteer.id, w.accounts.siblingOrganiser.id], seed: 7 }, admin);
    await w.ok('POST', `/api/events/${eventId}/breakouts/publish`, undefined, admin);
    [groupA, groupB] = plan.groups;
  });
  afterAll(() => t.close());

  const post = (what: string, payload: unknown, token: string) => w.call('POST', `/api/events/${eventId}/notes/${what}`, payload, token);
  const read = async (token: string): Promise<Notes> => w.ok('GET', `/api/events/${eventId}/notes`, undefined, token);
  const personOf = async (rsvpId: string) => (await execute<{ person_id: string }>(t.ctx.db, sql`select person_id from event_rsvps where id = ${rsvpId}`))[0]!.person_id;

  it('lets a facilitator record issues, themes and consented quotes for their own group only', async () => {
    const vol = w.accounts.volunteer.token;
    const raisedBy = groupA.members.map((m) => m.rsvpId);
    const res = await post('issues', { groupId: groupA.id, issue: { issueId: damp }, peopleCount: 2, raisedBy }, vol);
    expect(res.statusCode, res.body).toBe(201);
    const mine: Notes = res.json();
    expect(mine.groups.map((g) => g.id)).toEqual([groupA.id]);
    expect(mine.groups[0]!.issues).toMatchObject([{ issue: { id: damp }, peopleCount: 2 }]);
    expect(mine.groups[0]!.issues[0]!.raisedBy.map((r) => r.rsvpId).sort()).toEqual([...raisedBy].sort());
    // A new issue in the words used is proposed through the taxonomy's own code.
    const proposed: Notes = (await post('issues', { groupId: groupA.id, issue: { text: 'No lifts working in the tower' }, raisedBy: [] }, vol)).json();
    expect(proposed.summary.find((s) => s.issue.label === 'No lifts working in the tower')).toMatchObject({ records: 1, namedPeople: { value: 0 } });
    expect((await post('themes', { groupId: groupA.id, text: 'Landlords do not answer' }, vol)).statusCode).toBe(201);

    const quote = { groupId: groupA.id, text: 'We have had black mould for three winters.', consentWording, consented: true, speakerRsvpId: raisedBy[0] };
    // Without consent nothing is kept.
    expect((await post('quotes', { ...quote, consented: false }, vol)).statusCode).toBe(422);
    const quoted: Notes = (await post('quotes', quote, vol)).json();
    expect(quoted.groups[0]!.quotes).toEqual([{ id: expect.any(String), text: quote.text, consentWording, speaker: { rsvpId: raisedBy[0], name: expect.any(String) } }]);

    // Group B, the whole meeting, another group's attendee and bad input are refused.
    expect((await post('issues', { groupId: groupB.id, issue: { issueId: damp }, raisedBy: [] }, vol)).statusCode).toBe(403);
    expect((await post('themes', { groupId: null, text: 'Room-wide' }, vol)).statusCode).toBe(403);
    expect((await post('issues', { groupId: groupA.id, issue: { issueId: damp }, raisedBy: [groupB.members[0]!.rsvpId] }, vol)).statusCode).toBe(422);
    expect((await post('quotes', { ...quote, speakerRsvpId: groupB.members[0]!.rsvpId }, vol)).statusCode).toBe(422);
    expect((await post('issues', { groupId: groupA.id, issue: { issueId: damp }, peopleCount: 1, raisedBy }, vol)).statusCode).toBe(422);
    expect((await post('themes', { groupId: groupA.id, text: 'x', extra: 1 }, vol)).statusCode).toBe(422);
    const orgBIssue = (await t.ctx.db.select().from(issues).where(eq(issues.orgId, w.orgB.orgId)).limit(1))[0]!.id;
    expect((await post('issues', { groupId: groupA.id, issue: { issueId: orgBIssue }, raisedBy: [] }, vol)).statusCode).toBe(422);
    const count = async (table: string) => (await execute<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from ${sql.raw(table)} where event_id = ${eventId}`))[0]!.n;
    expect([await count('meeting_issues'), await count('meeting_themes'), await count('meeting_quotes')]).toEqual([2, 1, 1]);

    // The other facilitator sees their own (empty) group and nothing of group A; outsiders get 404.
    const other = await read(w.accounts.siblingOrganiser.token);
    expect(other.groups.map((g) => [g.id, g.issues.length, g.quotes.length])).toEqual([[groupB.id, 0, 0]]);
    expect(other.summary).toEqual([]);
    expect(JSON.stringify(other)).not.toContain('black mould');
    for (const token of [w.accounts.orgBAdmin.token, w.accounts.member.token, w.accounts.organiser.token]) {
      expect((await w.call('GET', `/api/events/${eventId}/notes`, undefined, token)).statusCode).toBe(404);
      expect((await post('themes', { groupId: groupA.id, text: 'Intruder' }, token)).statusCode).toBe(404);
    }
  });

  it('lets the host record for the whole room, and those who run it read every group', async () => {
    const res = await post('issues', { groupId: null, issue: { issueId: buses }, peopleCount: 12, raisedBy: [] }, admin);
    expect(res.statusCode, res.body).toBe(201);
    expect((await post('themes', { groupId: groupB.id, text: 'Evening buses stop at seven' }, admin)).statusCode).toBe(201);
    const host: Notes = res.json();
    expect(host.groups.map((g) => g.id)).toEqual([null, groupA.id]);
    const all = await read(admin);
    expect(all.groups.map((g) => g.id)).toEqual([null, groupA.id, groupB.id]);
    expect(all.summary.find((s) => s.issue.id === buses)).toMatchObject({ records: 1, namedPeople: { value: 0 }, reportedPeople: { value: 12 } });
    expect(all.summary.find((s) => s.issue.id === damp)).toMatchObject({ namedPeople: { value: 2, suppressed: false } });

    // Every role reading salience on the meeting's unit also manages its events, so an organiser above the region reads it all.
    const above = await read(rootReader);
    expect(above.groups.map((g) => g.id)).toEqual([null, groupA.id, groupB.id]);
    expect(above.summary).toEqual(all.summary);

    // Reading who raised what is audited like a conversation's issues: a row per person named, ids only.
    const named = [...new Set(all.groups.flatMap((g) => [...g.issues.flatMap((i) => i.raisedBy), ...g.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))]).map((a) => a.rsvpId))];
    expect(named.length).toBeGreaterThan(0);
    const people = (await Promise.all(named.map(personOf))).sort();
    const audited = await execute<{ entity_id: string; changes: { events: string[]; fields: string[] } }>(t.ctx.db, sql`
      select entity_id, changes from audit_events where action = 'meeting.read_sensitive' and actor_account_id = ${w.accounts.regionAdmin.id} and request_id is not null`);
    expect([...new Set(audited.map((a) => a.entity_id))].sort()).toEqual(people);
    expect(audited.every((a) => a.changes.events.length === 1 && a.changes.events[0] === eventId)).toBe(true);
    expect(JSON.stringify(audited)).not.toMatch(/Bins|damp|[A-Z][a-z]+ [A-Z][a-z]+/);
  });

  it('counts named attendees in issue salience once alongside conversations, live and precomputed alike', async () => {
    // One of group A's attendees also raises damp in a conversation: still one person.
    const person = await personOf(groupA.members[0]!.rsvpId);
    const logged = await w.call('POST', '/api/conversations', { kind: 'one_to_one', outcome: 'spoke', occurredAt: new Date(Date.now() - 86_400_000).toISOString(), people: [person], issues: [{ issueId: damp }] }, admin);
    expect(logged.statusCode, logged.body).toBe(201);
    const salience = async (query: string, token = admin) => {
      const res = await w.call('GET', `/api/salience?unit=${w.region.id}${query}`, undefined, token);
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries((res.json().issues as { issue: { id: string }; people: number | null }[]).map((i) => [i.issue.id, i.people]));
    };
    expect((await salience(''))[damp]).toBe(2);
    expect((await salience('&source=conversations'))[damp]).toBe(1);
    expect((await salience('&source=meetings'))[damp]).toBe(2);
    // People not named (the host's count of twelve) are no people here.
    expect((await salience(''))[buses]).toBeUndefined();

    // A proposal raised at the meeting, merged into damp as a duplicate, moves with its attendee: still two people.
    const lifts = await w.ok('POST', `/api/events/${eventId}/notes/issues`, { groupId: groupA.id, issue: { text: 'Mould in the bedrooms' }, raisedBy: [groupA.members[1]!.rsvpId] }, admin);
    const liftsId = (lifts as Notes).summary.find((x) => x.issue.label === 'Mould in the bedrooms')!.issue.id;
    await w.ok('POST', `/api/issues/${liftsId}/reject`, { mergeIntoId: damp }, admin);
    expect((await read(admin)).summary.find((x) => x.issue.id === liftsId)).toBeUndefined();
    expect((await salience(''))[damp]).toBe(2);

    const minUnits = salienceSettings.summaryMinUnits;
    salienceSettings.summaryMinUnits = 1;
    try {
      await refreshSalience(t.ctx.db, w.root.orgId);
      for (const [url, token] of [[`/api/salience?unit=${w.region.id}`, admin], ['/api/salience', rootReader], [`/api/salience?unit=${w.region.id}&issue=${damp}`, rootReader]] as const) {
        const summary = (await w.call('GET', url, undefined, token)).json();
        expect(summary.summary, url).toMatchObject({ asOf: expect.any(String) });
        const live = (await w.call('GET', `${url}${url.includes('?') ? '&' : '?'}live=true`, undefined, token)).json();
        expect({ ...summary, summary: null }, url).toEqual(live);
      }
      // The region's own admin sees the count; from the root, two people are withheld.
      const fromRoot = (await w.call('GET', '/api/salience', undefined, rootReader)).json();
      expect(fromRoot.issues.find((i: { issue: { id: string } }) => i.issue.id === damp)).toMatchObject({ people: null, suppressed: true });
    } finally {
      salienceSettings.summaryMinUnits = minUnits;
    }
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/events/{id}/notes'].get).toBeDefined();
    for (const what of ['issues', 'themes', 'quotes']) expect(doc.paths[`/api/events/{id}/notes/${what}`].post, what).toBeDefined();
    expect(doc.paths['/api/salience'].get.parameters.find((x: { name: string }) => x.name === 'source')).toBeDefined();
  });
});
