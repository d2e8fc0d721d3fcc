import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { units } from '../units/schema.ts';
import { eventManageable, eventVisible } from './policy.ts';
import { presentEvent, type AttendanceView, type AttendeeView, type EventListRow, type EventView } from './present.ts';
import { eventRsvps, events, type EventKind, type RsvpStatus } from './schema.ts';
import { formatLocal } from './zonedTime.ts';

const counted = (status: string) => sql<number>`(select count(*) from event_rsvps r where r.event_id = ${events.id} and r.status = ${status})::int`;

/** The columns every event read selects: the row, its unit's name, hosts, counts, and whether the caller manages it. */
function eventColumns(canManage: SQL) {
  return {
    event: events,
    unitName: units.name,
    hosts: sql<{ id: string; displayName: string }[] | null>`(
      select json_agg(json_build_object('id', a.id, 'displayName', a.display_name) order by a.display_name, a.id)
      from event_hosts h join accounts a on a.id = h.account_id where h.event_id = ${events.id})`,
    going: counted('going'),
    waitlisted: counted('waitlisted'),
    checkedIn: sql<number>`(select count(*) from event_rsvps r where r.event_id = ${events.id} and r.checked_in_at is not null)::int`,
    canManage: sql<boolean>`${canManage}`,
  };
}

type Selected = { event: EventListRow; unitName: string; hosts: EventListRow['hosts']; going: number; waitlisted: number; checkedIn: number; canManage: boolean };
const flatten = (r: Omit<Selected, 'event'> & { event: typeof events.$inferSelect }): EventListRow => ({ ...r.event, unitName: r.unitName, hosts: r.hosts, going: r.going, waitlisted: r.waitlisted, checkedIn: r.checkedIn, canManage: r.canManage });

export interface EventFilter {
  unit?: string;
  from?: string;
  to?: string;
  kind?: EventKind;
  status?: 'scheduled' | 'cancelled';
  series?: string;
  q?: string;
}

/** Events the actor may see, soonest first, a page at a time. `unit` means that unit and below. */
export async function listEvents(db: Db, config: Config, actor: Actor, f: EventFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const conds: SQL[] = [eventVisible(actor, 'events')];
  if (f.unit) conds.push(sql`${events.unitId} in (select d.id from units d where d.path like (select p.path from units p where p.id = ${f.unit}) || '%')`);
  if (f.from) conds.push(sql`${events.endsAt} >= ${f.from}::timestamptz`);
  if (f.to) conds.push(sql`${events.startsAt} < ${f.to}::timestamptz`);
  if (f.kind) conds.push(eq(events.kind, f.kind));
  if (f.status) conds.push(eq(events.status, f.status));
  if (f.series) conds.push(eq(events.seriesId, f.series));
  if (f.q) conds.push(sql`${events.title} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (after) conds.push(sql`(${events.startsAt}, ${events.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await db
    .select(eventColumns(eventManageable(actor, 'events')))
    .from(events)
    .innerJoin(units, eq(units.id, events.unitId))
    .where(and(...conds))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit + 1);
  const page = pageOf(rows.map(flatten), limit, (r) => [new Date(r.startsAt).toISOString(), r.id]);
  return { items: page.items.map((r) => presentEvent(r, config)), nextCursor: page.nextCursor };
}

/** One event as the actor sees it, or null. */
export async function readEvent(db: Db, config: Config, actor: Actor, id: string): Promise<EventView | null> {
  const [row] = await db
    .select(eventColumns(eventManageable(actor, 'events')))
    .from(events)
    .innerJoin(units, eq(units.id, events.unitId))
    .where(and(eq(events.id, id), eventVisible(actor, 'events')));
  return row ? presentEvent(flatten(row), config) : null;
}

/** Events by a condition with no caller (public pages, feeds): never more than `limit`. */
export async function eventsWhere(db: Db, where: SQL, limit: number): Promise<EventListRow[]> {
  const rows = await db
    .select(eventColumns(sql`false`))
    .from(events)
    .innerJoin(units, eq(units.id, events.unitId))
    .where(where)
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return rows.map(flatten);
}

const STATUS_ORDER = sql`case r.status when 'going' then 0 when 'waitlisted' then 1 else 2 end`;

/**
 * An event's attendees (the caller has already been checked as able to manage it): going
 * first, then the waiting list in its order, then cancellations; optionally searched by name,
 * email, phone or check-in code.
 */
export async function listAttendees(db: Db, eventId: string, f: { q?: string; status?: RsvpStatus }, limit: number, cursor?: string): Promise<{ items: AttendeeView[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, 4) as [number, string, string, string] | null;
  const q = f.q?.trim().toLowerCase();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await execute<{
    id: string; person_id: string; name: string; email: string | null; phone: string | null; postcode: string | null; status: RsvpStatus;
    source: AttendeeView['source']; check_in_code: string; checked_in_at: string | null; created_at: string; ord: number; sort_name: string; queued: string; position: number | null;
  }>(db, sql`
    select * from (
      select r.id, r.person_id, r.name, r.email, r.phone, r.postcode, r.status, r.source, r.check_in_code, r.checked_in_at, r.created_at,
        ${STATUS_ORDER} as ord, lower(r.name) as sort_name, to_char(r.queued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as queued,
        case when r.status = 'waitlisted' then (row_number() over (partition by r.status order by r.queued_at, r.id))::int end as position
      from event_rsvps r where r.event_id = ${eventId}
    ) a
    where true
      ${f.status ? sql`and a.status = ${f.status}` : sql``}
      ${like ? sql`and (lower(a.name) like ${like} or lower(coalesce(a.email, '')) like ${like} or coalesce(a.phone, '') like ${like} or lower(a.check_in_code) like ${like})` : sql``}
      ${after ? sql`and (a.ord, case when a.ord = 1 then a.queued else a.sort_name end, a.id::text) > (${after[0]}::int, ${after[1]}, ${after[3]})` : sql``}
    order by a.ord, case when a.ord = 1 then a.queued else a.sort_name end, a.id::text
    limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [r.ord, r.ord === 1 ? r.queued : r.sort_name, '', r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id, personId: r.person_id, name: r.name, email: r.email, phone: r.phone, postcode: r.postcode, status: r.status, source: r.source,
      waitlistPosition: r.position, checkInCode: r.check_in_code, checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** A person's RSVPs and attendance, newest event first, for events the actor may see. */
export async function personAttendance(db: Db, actor: Actor, personId: string, limit: number, cursor?: string): Promise<{ items: AttendanceView[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const rows = await db
    .select({ rsvp: eventRsvps, event: events, unitName: units.name })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .innerJoin(units, eq(units.id, events.unitId))
    .where(and(
      eq(eventRsvps.personId, personId),
      eventVisible(actor, 'events'),
      after ? sql`(${events.startsAt}, ${eventRsvps.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
    ))
    .orderBy(sql`${events.startsAt} desc`, sql`${eventRsvps.id} desc`)
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => [new Date(r.event.startsAt).toISOString(), r.rsvp.id]);
  return {
    items: page.items.map((r) => ({
      rsvpId: r.rsvp.id,
      status: r.rsvp.status,
      checkedInAt: r.rsvp.checkedInAt ? r.rsvp.checkedInAt.toISOString() : null,
      event: {
        id: r.event.id, title: r.event.title, kind: r.event.kind, startsAt: r.event.startsAt.toISOString(), timeZone: r.event.timeZone,
        localStart: formatLocal(r.event.startsAt, r.event.timeZone), status: r.event.status, unitName: r.unitName,
      },
    })),
    nextCursor: page.nextCursor,
  };
}
