import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { RsvpRow } from './placeRsvp.ts';
import type { AttendeeView } from './present.ts';

/** Where an RSVP stands on its event's waiting list (1 is next), or null when it is not waiting. */
export async function waitlistPosition(db: Db, rsvp: Pick<RsvpRow, 'id' | 'eventId' | 'status'>): Promise<number | null> {
  if (rsvp.status !== 'waitlisted') return null;
  const [r] = await execute<{ n: number }>(db, sql`
    select count(*)::int as n from event_rsvps w, event_rsvps me
    where me.id = ${rsvp.id} and w.event_id = me.event_id and w.status = 'waitlisted' and (w.queued_at, w.id) <= (me.queued_at, me.id)`);
  return r?.n ?? null;
}

export async function presentAttendee(db: Db, r: RsvpRow): Promise<AttendeeView> {
  return {
    id: r.id, personId: r.personId, name: r.name, email: r.email, phone: r.phone, postcode: r.postcode, status: r.status, source: r.source,
    waitlistPosition: await waitlistPosition(db, r), checkInCode: r.checkInCode,
    checkedInAt: r.checkedInAt ? new Date(r.checkedInAt).toISOString() : null, createdAt: new Date(r.createdAt).toISOString(),
  };
}
