import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildEventWorld, eventBody, type EventWorld } from './testing/eventWorld.ts';

describe.each(testDatabaseKinds)('attendance on the ladder of engagement on %s', (kind) => {
  let t: TestApp;
  let w: EventWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildEventWorld(t);
    const admin = await buildAccount(t.ctx, [{ unitId: w.root.id, role: 'unit_admin' }]);
    const res = await t.request({
      method: 'PUT', url: '/api/ladder/levels', token: admin.token, payload: {
        levels: [
          { key: 'comes_along', label: 'Comes along', rule: { all: [{ metric: 'events_attended', atLeast: 2, withinDays: 90 }] } },
          { key: 'takes_action', label: 'Takes action', rule: { all: [{ metric: 'actions_attended', atLeast: 1, withinDays: 90 }] } },
        ],
      },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  afterAll(() => t.close());

  const level = async (personId: string) => (await t.request({ method: 'GET', url: `/api/people/${personId}/ladder`, token: w.accounts.organiser.token })).json().level;
  const checkedInAt = async (overrides: Record<string, unknown>, daysAgo: number) => {
    const start = new Date(Date.now() - daysAgo * 86_400_000);
    const e = (await t.request({ method: 'POST', url: '/api/events', token: w.accounts.organiser.token, payload: eventBody(w.branch.id, { ...overrides, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() }) })).json();
    const res = await t.request({ method: 'POST', url: `/api/events/${e.id}/walk-ins`, token: w.accounts.organiser.token, payload: { personId: w.people.known.id } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return { event: e, rsvp: res.json() };
  };

  it('moves people up as they are checked in, counting actions apart, and back when a check-in is taken back', async () => {
    const person = w.people.known.id;
    expect(await level(person)).toBeNull();
    // Attendance long ago is outside the window.
    await checkedInAt({ kind: 'training' }, 200);
    await checkedInAt({ kind: 'house_meeting' }, 3);
    expect(await level(person)).toBeNull();
    const second = await checkedInAt({ kind: 'social' }, 2);
    expect(await level(person)).toMatchObject({ key: 'comes_along' });
    const action = await checkedInAt({ kind: 'action' }, 1);
    expect(await level(person)).toMatchObject({ key: 'takes_action' });
    // A cancelled event does not count; a check-in taken back does not either.
    await t.request({ method: 'POST', url: `/api/events/${action.event.id}/cancel`, token: w.accounts.organiser.token, payload: {} });
    expect(await level(person)).toMatchObject({ key: 'comes_along' });
    await t.request({ method: 'DELETE', url: `/api/events/${second.event.id}/check-ins/${second.rsvp.id}`, token: w.accounts.organiser.token });
    await t.request({ method: 'POST', url: `/api/events/${second.event.id}/check-ins`, token: w.accounts.organiser.token, payload: { rsvpId: second.rsvp.id } });
    expect(await level(person)).toMatchObject({ key: 'comes_along' });
    await t.request({ method: 'DELETE', url: `/api/events/${second.event.id}/check-ins/${second.rsvp.id}`, token: w.accounts.organiser.token });
    expect(await level(person)).toBeNull();
  });
});
