import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { MailRsvp } from './eventMail.ts';

/**
 * Moves people from the front of an event's waiting list to a place while there is room (all
 * of them when it has no limit), in one statement; the event row must be locked by the caller.
 * Returns who moved, to tell them.
 */
export async function promoteWaitlist(tx: Db, eventId: string): Promise<MailRsvp[]> {
  return execute<MailRsvp>(tx, sql`
    with ev as (select capacity from events where id = ${eventId} and status = 'scheduled'),
    room as (
      select case when (select capacity from ev) is null then 2147483647
        else greatest((select capacity from ev) - (select count(*) from event_rsvps where event_id = ${eventId} and status = 'going'), 0) end as n
      where exists (select 1 from ev)
    ),
    nxt as (
      select id from event_rsvps where event_id = ${eventId} and status = 'waitlisted'
      order by queued_at, id limit (select coalesce(max(n), 0) from room)
    )
    update event_rsvps r set status = 'going', updated_at = now() from nxt where r.id = nxt.id
    returning r.id, r.name, r.email`);
}
