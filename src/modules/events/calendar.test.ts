import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { accounts } from '../accounts/schema.ts';
import { outbox } from '../mail/schema.ts';
import { eq } from 'drizzle-orm';
import { escapeText, foldLine, icalendar } from './ical.ts';
import { sendReminders } from './sendReminders.ts';
import { buildEventWorld, eventBody, rsvpBody, type EventWorld } from './testing/eventWorld.ts';

/** RFC 5545 framing that a lenient parser would let pass: CRLF only, no line over 75 octets. */
function expectWellFramed(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
}

function parse(text: string) {
  expectWellFramed(text);
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, summary: e.summary, description: e.description, location: e.location,
      start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
      sequence: v.getFirstPropertyValue('sequence'), status: v.getFirstPropertyValue('status'), url: v.getFirstPropertyValue('url'),
    };
  });
}

describe('the iCalendar writer', () => {
  it('escapes text and folds long lines on character boundaries', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = `SUMMARY:${'Cyfarfod tŷ — ✊ '.repeat(20)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
    const text = icalendar('Test', 'example.org', [{
      id: '00000000-0000-4000-8000-000000000001', title: 'Rent; rates, and "repairs"\\now', description: 'Line one\nLine two 🏠'.repeat(10),
      startsAt: new Date('2026-05-07T18:00:00Z'), endsAt: new Date('2026-05-07T20:00:00Z'), location: 'Hall, 1 High St', url: 'https://example.org/e/1',
      status: 'scheduled', sequence: 3, createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-02T00:00:00Z'),
    }], new Date('2026-01-03T00:00:00Z'));
    const [e] = parse(text);
    expect(e).toMatchObject({
      uid: '00000000-0000-4000-8000-000000000001@example.org', summary: 'Rent; rates, and "repairs"\\now', description: 'Line one\nLine two 🏠'.repeat(10),
      location: 'Hall, 1 High St', start: '2026-05-07T18:00:00.000Z', end: '2026-05-07T20:00:00.000Z', sequence: 3, status: 'CONFIRMED',
    });
  });
});

describe.each(testDatabaseKinds)('calendar feeds and reminders on %s', (kind) => {
  let t: TestApp;
  let w: EventWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildEventWorld(t);
  });
  afterAll(() => t.close());

  const create = async (payload: Record<string, unknown>, token = w.accounts.organiser.token) => {
    const res = await t.request({ method: 'POST', url: '/api/events', token, payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const ics = async (url: string, token?: string) => {
    const res = await t.request({ method: 'GET', url, token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return res.body;
  };

  it('serves an event with a stable UID and a SEQUENCE and STATUS that follow edits and cancellation', async () => {
    const e = await create(eventBody(w.branch.id, { title: 'Listening: what, where, when; and why?', kind: 'listening_meeting', mode: 'both', onlineUrl: 'https://meet.example.org/abc' }));
    const [first] = parse(await ics(`/api/public/events/${e.id}/calendar.ics`));
    expect(first).toMatchObject({ uid: `${e.id}@localhost:3000`, summary: 'Listening: what, where, when; and why?', sequence: 0, status: 'CONFIRMED', start: e.startsAt, end: e.endsAt, url: `http://localhost:3000/e/${e.id}` });
    // The public feed does not give the online link away; the signed-in one does.
    expect(first!.location).toBe('12 Chapel Row, Tredegar, NP22 3AA');
    expect(parse(await ics(`/api/events/${e.id}/calendar.ics`, w.accounts.member.token))[0]!.location).toContain('https://meet.example.org/abc');
    await t.request({ method: 'PATCH', url: `/api/events/${e.id}`, token: w.accounts.organiser.token, payload: { title: 'Listening meeting' } });
    await t.request({ method: 'POST', url: `/api/events/${e.id}/cancel`, token: w.accounts.organiser.token, payload: { reason: 'Snow' } });
    const [last] = parse(await ics(`/api/public/events/${e.id}/calendar.ics`));
    expect(last).toMatchObject({ uid: first!.uid, sequence: 2, status: 'CANCELLED' });
    expect(last!.description).toContain('Cancelled: Snow');
  });

  it('gives a unit’s public events, below it too, and nothing else', async () => {
    const pub = await create(eventBody(w.branch.id, { title: 'Branch public' }));
    const unitOnly = await create(eventBody(w.branch.id, { title: 'Branch private', visibility: 'unit' }));
    const siblingPub = await create(eventBody(w.sibling.id, { title: 'Sibling public' }), w.accounts.siblingOrganiser.token);
    const uids = (url: string) => ics(url).then((text) => parse(text).map((e) => e.uid));
    const branch = await uids(`/api/public/units/${w.branch.id}/calendar.ics`);
    expect(branch).toContain(`${pub.id}@localhost:3000`);
    expect(branch).not.toContain(`${unitOnly.id}@localhost:3000`);
    expect(branch).not.toContain(`${siblingPub.id}@localhost:3000`);
    expect(await uids(`/api/public/units/${w.region.id}/calendar.ics`)).toEqual(expect.arrayContaining([`${pub.id}@localhost:3000`, `${siblingPub.id}@localhost:3000`]));
    expect(await uids(`/api/public/units/${w.orgB.id}/calendar.ics`)).toEqual([]);
  });

  it('gives each account a private, revocable feed of what it hosts and has signed up to', async () => {
    const me = w.accounts.volunteer;
    await t.ctx.db.update(accounts).set({ personId: w.people.known.id }).where(eq(accounts.id, me.id));
    const hosted = await create(eventBody(w.branch.id, { title: 'Hosted by the volunteer', visibility: 'unit', hostIds: [me.id] }));
    const attending = await create(eventBody(w.branch.id, { title: 'Attending', visibility: 'members' }));
    const neither = await create(eventBody(w.branch.id, { title: 'Neither' }));
    await t.request({ method: 'POST', url: `/api/events/${attending.id}/rsvps`, token: w.accounts.organiser.token, payload: { personId: w.people.known.id } });
    expect((await t.request({ method: 'GET', url: '/api/calendar/feed', token: me.token })).json()).toEqual({ active: false, url: null });
    const made = await t.request({ method: 'POST', url: '/api/calendar/feed', token: me.token });
    expect(made.statusCode).toBe(201);
    const url = new URL(made.json().url);
    const events = parse(await ics(url.pathname));
    expect(events.map((e) => e.summary).sort()).toEqual(['Attending', 'Hosted by the volunteer']);
    expect(events.map((e) => e.uid)).not.toContain(`${neither.id}@localhost:3000`);
    void hosted;
    // A new URL stops the old one; revoking stops every one.
    const again = new URL((await t.request({ method: 'POST', url: '/api/calendar/feed', token: me.token })).json().url);
    expect((await t.request({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: again.pathname })).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: '/api/calendar/feed', token: me.token })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: again.pathname })).statusCode).toBe(404);
    // Disabling an account stops its feed at once.
    const third = new URL((await t.request({ method: 'POST', url: '/api/calendar/feed', token: me.token })).json().url);
    await t.ctx.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, me.id));
    expect((await t.request({ method: 'GET', url: third.pathname })).statusCode).toBe(404);
    await t.ctx.db.update(accounts).set({ disabledAt: null }).where(eq(accounts.id, me.id));
  });

  it('sends each reminder once, only for places at events starting within their reminder window', async () => {
    const soon = new Date(Date.now() + 6 * 3_600_000);
    const inSix = { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3_600_000).toISOString() };
    const due = await create(eventBody(w.branch.id, { title: 'Soon', capacity: 1, ...inSix }));
    const noReminders = await create(eventBody(w.branch.id, { title: 'Quiet', reminderHours: null, ...inSix }));
    const shortWindow = await create(eventBody(w.branch.id, { title: 'Short window', reminderHours: 2, ...inSix }));
    const later = await create(eventBody(w.branch.id, { title: 'Later' }));
    for (const e of [due, noReminders, shortWindow, later]) {
      await t.request({ method: 'POST', url: `/api/public/events/${e.id}/rsvps`, payload: rsvpBody({ firstName: 'Iolo', email: `iolo.${e.id.slice(0, 8)}@example.org` }) });
    }
    await t.request({ method: 'POST', url: `/api/public/events/${due.id}/rsvps`, payload: rsvpBody({ firstName: 'Waiting', email: 'waiting.reminder@example.org' }) });
    const reminders = async () => (await t.ctx.db.select().from(outbox)).filter((m) => m.subject.startsWith('Reminder:'));
    const [a, b] = await Promise.all([sendReminders(t.ctx), sendReminders(t.ctx)]);
    expect(a + b).toBe(1);
    expect(await sendReminders(t.ctx)).toBe(0);
    const sent = await reminders();
    expect(sent.map((m) => [m.toAddress, m.subject])).toEqual([[`iolo.${due.id.slice(0, 8)}@example.org`, 'Reminder: Soon']]);
    expect(sent[0]!.textBody).toContain('/e/cancel#token=');
  });
});
