import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { contactPoints, people } from '../people/schema.ts';
import { eventConsentAnswers, eventRsvps, events } from './schema.ts';
import { buildEventWorld, eventBody, rsvpBody, type EventWorld } from './testing/eventWorld.ts';

describe.each(testDatabaseKinds)('events on %s', (kind) => {
  let t: TestApp;
  let w: EventWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildEventWorld(t);
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>, token = w.accounts.organiser.token) => t.request({ method: 'POST', url: '/api/events', token, payload });
  const get = (url: string, token = w.accounts.organiser.token) => t.request({ method: 'GET', url, token });
  const rsvp = (id: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `/api/public/events/${id}/rsvps`, payload });
  const mailTo = (to: string) => t.ctx.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.createdAt);

  it('creates an event with local times in its zone, hosts and default questions, and audits it', async () => {
    const res = await create(eventBody(w.branch.id, { capacity: 30 }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      kind: 'house_meeting', mode: 'in_person', postcode: 'NP22 3AA', timeZone: 'Europe/London', capacity: 30, visibility: 'public', status: 'scheduled',
      hosts: [{ id: w.accounts.organiser.id }], counts: { going: 0, waitlisted: 0, checkedIn: 0 }, canManage: true, sequence: 0,
      consentQuestions: [{ key: 'future_contact', required: false }], publicUrl: `http://localhost:3000/e/${e.id}`,
    });
    expect(e.localStart).toMatch(/T19:00$/);
    expect(e.localEnd).toMatch(/T21:00$/);
    expect(new Date(e.endsAt).getTime() - new Date(e.startsAt).getTime()).toBe(2 * 3_600_000);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'event.create'), eq(auditEvents.entityId, e.id)));
    expect(audit).toMatchObject({ actorAccountId: w.accounts.organiser.id, unitId: w.branch.id });
  });

  it('refuses bad events with clear 4xx answers, writing nothing', async () => {
    const before = await t.ctx.db.$count(events);
    const d = eventBody(w.branch.id).startsAt.slice(0, 10);
    const cases: [Record<string, unknown>, number, string][] = [
      [eventBody(w.branch.id, { endsAt: `${d}T18:00` }), 422, 'endsAt'],
      [eventBody(w.branch.id, { endsAt: `${d}T19:00` }), 422, 'endsAt'],
      [eventBody(w.branch.id, { timeZone: 'Mars/Olympus_Mons' }), 422, 'timeZone'],
      [eventBody(w.branch.id, { startsAt: '2026-02-30T19:00' }), 422, 'startsAt'],
      [eventBody(w.branch.id, { address: null, postcode: null }), 422, 'address'],
      [eventBody(w.branch.id, { postcode: 'NOT A CODE' }), 422, 'postcode'],
      [eventBody(w.branch.id, { mode: 'online' }), 422, 'onlineUrl'],
      [eventBody(w.branch.id, { mode: 'online', onlineUrl: 'javascript:alert(1)' }), 422, 'body.onlineUrl'],
      [eventBody(w.branch.id, { capacity: 0 }), 422, 'body.capacity'],
      [eventBody(w.branch.id, { kind: 'rave' }), 422, 'body.kind'],
      [eventBody(w.branch.id, { hostIds: [w.accounts.orgBAdmin.id] }), 422, 'hostIds.0'],
      [eventBody(w.branch.id, { surprise: true }), 422, 'body'],
      [eventBody(w.sibling.id), 422, 'unitId'],
      [eventBody(w.orgB.id), 422, 'unitId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await create(body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      if (path) expect(res.json().error.details.map((x: { path: string }) => x.path).join(' '), res.body).toContain(path);
    }
    expect((await create(eventBody(w.branch.id), w.accounts.member.token)).statusCode).toBe(403);
    expect((await create(eventBody(w.branch.id), w.accounts.dpo.token)).statusCode).toBe(403);
    expect(await t.ctx.db.$count(events)).toBe(before);
  });

  it('keeps events of other units and organisations out of sight, and unit-only events inside their unit', async () => {
    const unitOnly = (await create(eventBody(w.sibling.id, { visibility: 'unit', title: 'Hillside private planning' }), w.accounts.siblingOrganiser.token)).json();
    const membersOnly = (await create(eventBody(w.sibling.id, { visibility: 'members', title: 'Hillside members social', kind: 'social' }), w.accounts.siblingOrganiser.token)).json();
    const orgBEvent = (await create(eventBody(w.orgB.id, { title: 'Other party rally', kind: 'action' }), w.accounts.orgBAdmin.token)).json();
    const pub = (await create(eventBody(w.branch.id, { title: 'Riverside open meeting' }))).json();
    const listed = async (token: string) => (await get('/api/events?limit=200', token)).json().items.map((e: { id: string }) => e.id);

    for (const token of [w.accounts.organiser.token, w.accounts.volunteer.token, w.accounts.member.token, w.accounts.dpo.token]) {
      const ids = await listed(token);
      expect(ids).toContain(pub.id);
      expect(ids).toContain(membersOnly.id);
      expect(ids).not.toContain(unitOnly.id);
      expect(ids).not.toContain(orgBEvent.id);
      expect((await get(`/api/events/${unitOnly.id}`, token)).statusCode).toBe(404);
      expect((await get(`/api/events/${orgBEvent.id}`, token)).statusCode).toBe(404);
      expect((await get(`/api/events/${unitOnly.id}/attendees`, token)).statusCode).toBe(404);
      expect((await get(`/api/events/${unitOnly.id}/calendar.ics`, token)).statusCode).toBe(404);
    }
    // Seeing a members-only event of another branch is not managing it.
    expect((await get(`/api/events/${membersOnly.id}/attendees`)).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url: `/api/events/${membersOnly.id}`, token: w.accounts.organiser.token, payload: { title: 'Mine now' } })).statusCode).toBe(403);
    // Above both branches, the region sees everything of its organisation, and the other organisation sees only its own.
    expect(await listed(w.accounts.regionAdmin.token)).toEqual(expect.arrayContaining([unitOnly.id, membersOnly.id, pub.id]));
    expect(await listed(w.accounts.orgBAdmin.token)).toEqual([orgBEvent.id]);
    expect((await get(`/api/events?unit=${w.sibling.id}&limit=200`)).json().items.map((e: { id: string }) => e.id)).toEqual([membersOnly.id]);
    // The public page shows public events only.
    expect((await t.request({ method: 'GET', url: `/api/public/events/${membersOnly.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/public/events/${pub.id}` })).json()).toMatchObject({ title: 'Riverside open meeting', organiser: 'Riverside Branch', open: true });
  });

  it('takes a public RSVP without an account: matches or creates the person, records consent wording, and is idempotent', async () => {
    const e = (await create(eventBody(w.branch.id, { capacity: 10, consentQuestions: [{ key: 'future_contact', wording: 'Email me about future meetings.', required: false }, { key: 'photos', wording: 'I agree to appear in photos.', required: true }] }))).json();
    const noConsent = await rsvp(e.id, rsvpBody({ consents: { future_contact: true } }));
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().error.details).toEqual([{ path: 'consents.photos', message: 'This is needed to sign up.' }]);
    expect((await rsvp(e.id, rsvpBody({ privacyNoticeVersion: 'old', consents: { photos: true } }))).statusCode).toBe(409);
    expect((await rsvp(e.id, rsvpBody({ consents: { photos: true, sneaky: true } }))).statusCode).toBe(422);
    expect((await rsvp(e.id, rsvpBody({ email: null, phone: null, consents: { photos: true } }))).statusCode).toBe(422);
    expect((await rsvp(e.id, rsvpBody({ email: 'not-an-email', consents: { photos: true } }))).statusCode).toBe(422);

    const first = await rsvp(e.id, rsvpBody({ consents: { photos: true } }));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('going');
    const created = await t.ctx.db.select().from(people).where(eq(people.firstName, 'Rhiannon'));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ unitId: w.branch.id, lastName: 'Lewis', postcode: 'NP22 3BB', source: 'Event RSVP' });
    const answers = await t.ctx.db.select().from(eventConsentAnswers).where(eq(eventConsentAnswers.personId, created[0]!.id));
    expect(answers.map((a) => [a.questionKey, a.wording, a.granted, a.privacyNoticeVersion]).sort()).toEqual([
      ['future_contact', 'Email me about future meetings.', false, '2026-01'],
      ['photos', 'I agree to appear in photos.', true, '2026-01'],
    ]);
    const mail = await mailTo('rhiannon.lewis@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('booked');
    expect(mail[0]!.textBody).toMatch(/\/e\/ticket#token=rsvp_/);

    // The same person again (email in another case): nothing new, no second email.
    const again = await rsvp(e.id, rsvpBody({ email: 'Rhiannon.Lewis@Example.org', consents: { photos: true } }));
    expect(again.statusCode).toBe(200);
    expect(await t.ctx.db.$count(eventRsvps, eq(eventRsvps.eventId, e.id))).toBe(1);
    expect(await t.ctx.db.$count(eventConsentAnswers, eq(eventConsentAnswers.personId, created[0]!.id))).toBe(2);
    expect(await mailTo('rhiannon.lewis@example.org')).toHaveLength(1);

    // Someone already known (in the branch) by phone and the same name, however written: matched, gains the email, no new person.
    const known = await rsvp(e.id, rsvpBody({ firstName: 'megan', lastName: 'PRYCE', email: 'meg.new@example.org', phone: '07700 900111', consents: { photos: true } }));
    expect(known.statusCode, known.body).toBe(201);
    expect(await t.ctx.db.$count(people, eq(people.firstName, 'megan'))).toBe(0);
    // The same phone with another name is someone else in the household: a new person.
    const household = await rsvp(e.id, rsvpBody({ firstName: 'Gareth', lastName: 'Pryce', email: null, phone: '07700 900111', consents: { photos: true } }));
    expect(household.statusCode, household.body).toBe(201);
    expect(await t.ctx.db.$count(people, eq(people.firstName, 'Gareth'))).toBe(1);
    const megContacts = await t.ctx.db.select().from(contactPoints).where(eq(contactPoints.personId, w.people.known.id));
    expect(megContacts.map((c) => c.normalised).sort()).toEqual(['+447700900111', 'meg.new@example.org', 'megan.pryce@example.org']);
    const attendees = (await get(`/api/events/${e.id}/attendees`)).json().items;
    expect(attendees.map((a: { name: string; personId: string }) => [a.name, a.personId === w.people.known.id])).toEqual([['Gareth Pryce', false], ['megan PRYCE', true], ['Rhiannon Lewis', false]]);
  });

  it('fills places, queues the rest, and promotes the first in line when someone cancels by their link', async () => {
    const e = (await create(eventBody(w.branch.id, { capacity: 2 }))).json();
    const who = ['ann', 'bob', 'cai', 'dee'];
    for (const name of who) expect((await rsvp(e.id, rsvpBody({ firstName: name, email: `${name}.${e.id.slice(0, 6)}@example.org` }))).json().status).toBe(name === 'ann' || name === 'bob' ? 'going' : 'waitlisted');
    const list = (await get(`/api/events/${e.id}/attendees`)).json().items;
    expect(list.map((a: { name: string; status: string; waitlistPosition: number | null }) => [a.name.split(' ')[0], a.status, a.waitlistPosition])).toEqual([
      ['ann', 'going', null], ['bob', 'going', null], ['cai', 'waitlisted', 1], ['dee', 'waitlisted', 2],
    ]);
    expect((await t.request({ method: 'GET', url: `/api/public/events/${e.id}` })).json().placesLeft).toBe(0);
    // Capacity cannot go below the places given.
    const lower = await t.request({ method: 'PATCH', url: `/api/events/${e.id}`, token: w.accounts.organiser.token, payload: { capacity: 1 } });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.details[0].path).toBe('capacity');

    const annMail = (await mailTo(`ann.${e.id.slice(0, 6)}@example.org`))[0]!;
    const token = /#token=(rsvp_[\w-]+)/.exec(annMail.textBody)![1]!;
    const ticket = await t.request({ method: 'POST', url: '/api/public/tickets', payload: { token } });
    expect(ticket.json()).toMatchObject({ status: 'going', checkedIn: false, event: { id: e.id } });
    expect(ticket.json().checkInCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(ticket.json().qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect((await t.request({ method: 'POST', url: '/api/public/tickets', payload: { token: `${token.slice(0, -2)}xx` } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/public/tickets/cancel', payload: { token } })).json().status).toBe('cancelled');
    // Cancelling twice changes nothing.
    expect((await t.request({ method: 'POST', url: '/api/public/tickets/cancel', payload: { token } })).statusCode).toBe(200);
    const after = (await get(`/api/events/${e.id}/attendees`)).json().items;
    expect(after.map((a: { name: string; status: string }) => [a.name.split(' ')[0], a.status])).toEqual([['bob', 'going'], ['cai', 'going'], ['dee', 'waitlisted'], ['ann', 'cancelled']]);
    const caiMail = await mailTo(`cai.${e.id.slice(0, 6)}@example.org`);
    expect(caiMail.map((m) => m.subject)).toEqual([expect.stringContaining('waiting list'), expect.stringContaining('A place has come up')]);
    // Raising the capacity lets the next one in.
    const raised = await t.request({ method: 'PATCH', url: `/api/events/${e.id}`, token: w.accounts.organiser.token, payload: { capacity: 3 } });
    expect(raised.json().counts).toEqual({ going: 3, waitlisted: 0, checkedIn: 0 });
  });

  it('checks people in by ticket code or search, takes walk-ins, and shows attendance on the person', async () => {
    const e = (await create(eventBody(w.branch.id, { kind: 'action', title: 'Housing office action' }))).json();
    await rsvp(e.id, rsvpBody({ firstName: 'Dylan', email: 'dylan.door@example.org' }));
    const [row] = (await get(`/api/events/${e.id}/attendees?q=dylan`)).json().items;
    const code = row.checkInCode as string;
    const checkIn = (payload: Record<string, unknown>, token = w.accounts.volunteer.token) => t.request({ method: 'POST', url: `/api/events/${e.id}/check-ins`, token, payload });
    expect((await checkIn({ code: 'ZZZZ-ZZZZ' })).statusCode).toBe(404);
    expect((await checkIn({ code: 'not a code!' })).statusCode).toBe(422);
    expect((await checkIn({ code: code.toLowerCase().replace('-', ' ') }, w.accounts.member.token)).statusCode).toBe(403);
    const ok = await checkIn({ code: code.toLowerCase().replace('-', ' ') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Dylan Lewis', alreadyCheckedIn: false });
    expect((await checkIn({ rsvpId: row.id })).json().alreadyCheckedIn).toBe(true);
    // A ticket of another event does not work here.
    const other = (await create(eventBody(w.branch.id))).json();
    await rsvp(other.id, rsvpBody({ firstName: 'Elin', email: 'elin.other@example.org' }));
    const [otherRow] = (await get(`/api/events/${other.id}/attendees`)).json().items;
    expect((await checkIn({ code: otherRow.checkInCode })).statusCode).toBe(404);
    expect((await checkIn({ rsvpId: otherRow.id })).statusCode).toBe(404);

    const walkIn = await t.request({ method: 'POST', url: `/api/events/${e.id}/walk-ins`, token: w.accounts.volunteer.token, payload: { firstName: 'Ffion', lastName: 'Door', phone: '07700 900222' } });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({ source: 'walk_in', status: 'going', checkedInAt: expect.any(String) });
    const known = await t.request({ method: 'POST', url: `/api/events/${e.id}/walk-ins`, token: w.accounts.volunteer.token, payload: { personId: w.people.known.id } });
    expect(known.statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `/api/events/${e.id}/walk-ins`, token: w.accounts.volunteer.token, payload: { personId: w.people.siblingPerson.id } })).statusCode).toBe(404);
    expect((await get(`/api/events/${e.id}`)).json().counts).toEqual({ going: 3, waitlisted: 0, checkedIn: 3 });

    const attendance = (await get(`/api/people/${w.people.known.id}/attendance`)).json().items;
    expect(attendance.find((a: { event: { id: string } }) => a.event.id === e.id)).toMatchObject({ status: 'going', checkedInAt: expect.any(String), event: { title: 'Housing office action', kind: 'action' } });
    expect((await get(`/api/people/${w.people.siblingPerson.id}/attendance`)).statusCode).toBe(404);
    // Undo a mistaken check-in.
    const undo = await t.request({ method: 'DELETE', url: `/api/events/${e.id}/check-ins/${known.json().id}`, token: w.accounts.volunteer.token });
    expect(undo.json().checkedInAt).toBeNull();
  });

  it('makes a weekly series that keeps its local time across the clock change, and edits one or all following', async () => {
    // 2026-10-13 is before the clocks go back (25 October), so later occurrences are in GMT.
    const res = await create(eventBody(w.branch.id, { startsAt: '2026-10-13T19:00', endsAt: '2026-10-13T20:30', repeat: { frequency: 'weekly', occurrences: 4 } }));
    expect(res.statusCode, res.body).toBe(201);
    const series = (await get(`/api/events?series=${res.json().seriesId}`)).json().items;
    expect(series.map((e: { localStart: string; startsAt: string; seriesPosition: number }) => [e.seriesPosition, e.localStart, e.startsAt])).toEqual([
      [1, '2026-10-13T19:00', '2026-10-13T18:00:00.000Z'],
      [2, '2026-10-20T19:00', '2026-10-20T18:00:00.000Z'],
      [3, '2026-10-27T19:00', '2026-10-27T19:00:00.000Z'],
      [4, '2026-11-03T19:00', '2026-11-03T19:00:00.000Z'],
    ]);
    const patch = (id: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url: `/api/events/${id}`, token: w.accounts.organiser.token, payload });
    expect((await patch(series[0].id, { title: 'Only the first' })).json()).toMatchObject({ title: 'Only the first', sequence: 1 });
    const moved = await patch(series[1].id, { scope: 'following', startsAt: '2026-10-21T18:30', endsAt: '2026-10-21T20:00', title: 'Moved to Wednesdays' });
    expect(moved.statusCode, moved.body).toBe(200);
    const now = (await get(`/api/events?series=${res.json().seriesId}`)).json().items;
    expect(now.map((e: { title: string; localStart: string; localEnd: string; sequence: number }) => [e.title, e.localStart, e.localEnd, e.sequence])).toEqual([
      ['Only the first', '2026-10-13T19:00', '2026-10-13T20:30', 1],
      ['Moved to Wednesdays', '2026-10-21T18:30', '2026-10-21T20:00', 1],
      ['Moved to Wednesdays', '2026-10-28T18:30', '2026-10-28T20:00', 1],
      ['Moved to Wednesdays', '2026-11-04T18:30', '2026-11-04T20:00', 1],
    ]);
    // Monthly series keep the day of the month, or the month's last day.
    const monthly = (await create(eventBody(w.branch.id, { startsAt: '2027-01-31T10:00', endsAt: '2027-01-31T12:00', repeat: { frequency: 'monthly', occurrences: 3 } }))).json();
    const months = (await get(`/api/events?series=${monthly.seriesId}`)).json().items.map((e: { localStart: string }) => e.localStart);
    expect(months).toEqual(['2027-01-31T10:00', '2027-02-28T10:00', '2027-03-31T10:00']);
  });

  it('cancels an event, telling everyone with a place or waiting, and duplicates one without its RSVPs', async () => {
    const e = (await create(eventBody(w.branch.id, { capacity: 1, title: 'Tenants assembly' }))).json();
    await rsvp(e.id, rsvpBody({ firstName: 'Gwen', email: 'gwen.cancel@example.org' }));
    await rsvp(e.id, rsvpBody({ firstName: 'Huw', email: 'huw.cancel@example.org' }));
    const dup = await t.request({ method: 'POST', url: `/api/events/${e.id}/duplicate`, token: w.accounts.organiser.token, payload: { startsAt: '2027-03-01T18:00' } });
    expect(dup.statusCode, dup.body).toBe(201);
    expect(dup.json()).toMatchObject({ title: 'Tenants assembly', localStart: '2027-03-01T18:00', localEnd: '2027-03-01T20:00', counts: { going: 0, waitlisted: 0 }, seriesId: null });
    const cancel = await t.request({ method: 'POST', url: `/api/events/${e.id}/cancel`, token: w.accounts.organiser.token, payload: { reason: 'The hall flooded.' } });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancelReason: 'The hall flooded.', sequence: 1 });
    for (const to of ['gwen.cancel@example.org', 'huw.cancel@example.org']) {
      const last = (await mailTo(to)).at(-1)!;
      expect(last.subject).toBe('Cancelled: Tenants assembly');
      expect(last.textBody).toContain('The hall flooded.');
    }
    expect((await t.request({ method: 'POST', url: `/api/events/${e.id}/cancel`, token: w.accounts.organiser.token, payload: {} })).statusCode).toBe(409);
    expect((await rsvp(e.id, rsvpBody({ firstName: 'Late', email: 'late@example.org' }))).statusCode).toBe(409);
    expect((await t.request({ method: 'PATCH', url: `/api/events/${e.id}`, token: w.accounts.organiser.token, payload: { title: 'x' } })).statusCode).toBe(409);
  });

  it('answers malformed ids, tokens and filters with 4xx in the error shape', async () => {
    const cases: [string, string, unknown, number][] = [
      ['GET', '/api/events/not-a-uuid', undefined, 422],
      ['GET', '/api/events?from=yesterday', undefined, 422],
      ['GET', '/api/events?cursor=%%%', undefined, 400],
      ['GET', `/api/events/${crypto.randomUUID()}`, undefined, 404],
      ['POST', '/api/public/tickets', { token: 'short' }, 422],
      ['POST', '/api/public/tickets/cancel', { token: 'rsvp_' + 'a'.repeat(43) }, 404],
      ['GET', `/api/public/calendars/${'cal_' + 'b'.repeat(43)}/calendar.ics`, undefined, 404],
      ['GET', `/api/public/units/${crypto.randomUUID()}/calendar.ics`, undefined, 404],
      ['POST', `/api/public/events/${crypto.randomUUID()}/rsvps`, rsvpBody(), 404],
      ['POST', '/api/public/events/x/rsvps', rsvpBody(), 422],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await t.request({ method: method as 'GET', url, token: w.accounts.organiser.token, ...(payload ? { payload: payload as object } : {}) });
      expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(status);
      expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });
});
