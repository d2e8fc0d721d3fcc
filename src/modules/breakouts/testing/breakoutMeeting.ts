import { buildPerson } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import type { PollWorld } from '../../polls/testing/pollWorld.ts';

/**
 * A listening meeting of the region (unit-only, so branch accounts cannot see it) with one RSVP
 * per ward given, made by the region admin; returns the event and the RSVP ids in order.
 */
export async function breakoutMeeting(t: TestApp, w: PollWorld, wards: (string | null)[], checkIn = true) {
  const admin = w.accounts.regionAdmin.token;
  const event = await w.meeting(w.region.id, admin, { visibility: 'unit' });
  const rsvpIds: string[] = [];
  for (const [i, wardCode] of wards.entries()) {
    const p = await buildPerson(t.ctx.db, w.region, { firstName: `Attendee${String(i).padStart(2, '0')}`, lastName: 'Breakout', wardCode });
    const r = await w.ok('POST', `/api/events/${event.id}/rsvps`, { personId: p.id }, admin);
    if (checkIn) await w.ok('POST', `/api/events/${event.id}/check-ins`, { rsvpId: r.id }, admin);
    rsvpIds.push(r.id as string);
  }
  return { event: event as { id: string }, rsvpIds };
}
