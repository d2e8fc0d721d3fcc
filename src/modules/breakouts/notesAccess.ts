import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { rolePermissions } from '../accounts/permissions.ts';
import { eventManageable } from '../events/policy.ts';

export interface NotesAccess {
  event: { id: string; orgId: string; unitId: string; title: string; startsAt: Date };
  /** May manage the event: writes for the whole meeting and every group, reads everything. */
  manage: boolean;
  /** Published groups the caller facilitates here (their id and published name). */
  facilitated: { id: string; name: string }[];
  /** Reads the meeting's aggregates only (salience.read on the event's unit or above). */
  salience: boolean;
  /** Holds a role directly on the event's unit, so small counts need not be withheld from them. */
  local: boolean;
}

/**
 * Who may do what with a meeting's records, decided in one query: managers of the event, the
 * published facilitators of its groups, and salience readers of its unit (aggregates only).
 * Anyone else, including every other organisation, gets 404 so the meeting is not confirmed.
 */
export async function loadNotesAccess(db: Db, actor: Actor, eventId: string, lock = false): Promise<NotesAccess> {
  if (lock) await db.execute(sql`select 1 from events where id = ${eventId} for update`);
  const orgs = [...new Set(actor.grants.map((g) => g.orgId))];
  const [row] = await execute<{ id: string; org_id: string; unit_id: string; title: string; starts_at: string | Date; manage: boolean; salience: boolean; groups: { id: string; name: string }[] | null }>(db, sql`
    select e.id, e.org_id, e.unit_id, e.title, e.starts_at, ${eventManageable(actor)} as manage, ${inScope(actor, 'salience.read', sql`e.unit_id`)} as salience,
      (select json_agg(json_build_object('id', g.id, 'name', g.published_name) order by g.position) from breakout_groups g join breakout_plans p on p.event_id = g.event_id
        where g.event_id = e.id and g.published_facilitator_id = ${actor.accountId} and p.published_at is not null) as groups
    from events e where e.id = ${eventId} and e.org_id = any(${arrayParam(orgs)}::uuid[]) and e.status <> 'cancelled'`);
  const facilitated = row?.groups ?? [];
  if (!row || (!row.manage && !row.salience && facilitated.length === 0)) throw notFound('Event');
  const local = actor.grants.some((g) => g.unitId === row.unit_id && rolePermissions[g.role].includes('salience.read'));
  return {
    event: { id: row.id, orgId: row.org_id, unitId: row.unit_id, title: row.title, startsAt: new Date(row.starts_at) },
    manage: row.manage, facilitated, salience: row.salience, local,
  };
}

/**
 * Checks the caller may record for `groupId` (null: the whole meeting) and returns the group's
 * name to keep with the record: its facilitator, or whoever manages the event.
 */
export async function checkRecordFor(db: Db, access: NotesAccess, groupId: string | null): Promise<string | null> {
  if (groupId === null) {
    if (!access.manage) throw forbidden('Only those who run the meeting record for the whole room.');
    return null;
  }
  const mine = access.facilitated.find((g) => g.id === groupId);
  if (mine) return mine.name;
  if (!access.manage) throw forbidden('You record only for the groups you facilitate.');
  const [group] = await execute<{ name: string }>(db, sql`select coalesce(published_name, name) as name from breakout_groups where id = ${groupId} and event_id = ${access.event.id}`);
  if (!group) throw validationFailed('Unknown group.', [{ path: 'groupId', message: 'No breakout group with this id at this meeting.' }]);
  return group.name;
}

/**
 * The attendees named (RSVP ids) as people with their ward: they must hold a place at this
 * meeting and, for a group, be in it as published. One query; any other id is a 422.
 */
export async function checkAttendees(db: Db, eventId: string, groupId: string | null, rsvpIds: string[], path: string) {
  if (rsvpIds.length === 0) return [];
  const rows = await execute<{ rsvp_id: string; person_id: string; ward_code: string | null }>(db, sql`
    select r.id as rsvp_id, r.person_id, p.ward_code from event_rsvps r join people p on p.id = r.person_id
    ${groupId ? sql`join breakout_members m on m.rsvp_id = r.id and m.published_group_id = ${groupId}` : sql``}
    where r.event_id = ${eventId} and r.id = any(${arrayParam(rsvpIds)}::uuid[])`);
  const found = new Set(rows.map((r) => r.rsvp_id));
  const errors = rsvpIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}.${i}`, message: groupId ? 'Not an attendee of this group.' : 'Not an attendee of this meeting.' }]));
  if (errors.length > 0) throw validationFailed('Name attendees of the meeting (and of the group, for a group).', errors);
  return rows;
}
