import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { BreakoutSource } from './schema.ts';

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
type MemberRow = { group_id: string; rsvp_id: string; name: string };

/** The meeting's groups as the host has them now; the caller has already been checked to manage the event. Two queries. */
export async function readPlan(db: Db, eventId: string) {
  const [plan] = await execute<{ source: BreakoutSource; group_size: number; seed: number; published_at: string | Date | null; changed: boolean }>(db, sql`
    select source, group_size, seed, published_at, (published_at is null or changed_at > published_at) as changed from breakout_plans where event_id = ${eventId}`);
  if (!plan) throw notFound('Breakout groups');
  const groups = await execute<{ id: string; position: number; name: string; facilitator_id: string | null; facilitator_name: string | null }>(db, sql`
    select g.id, g.position, g.name, a.id as facilitator_id, a.display_name as facilitator_name
    from breakout_groups g left join accounts a on a.id = g.facilitator_account_id where g.event_id = ${eventId} order by g.position`);
  const members = await execute<MemberRow>(db, sql`
    select m.group_id, m.rsvp_id, r.name from breakout_members m join event_rsvps r on r.id = m.rsvp_id where m.event_id = ${eventId} order by lower(r.name), r.id`);
  return {
    eventId, source: plan.source, groupSize: plan.group_size, seed: plan.seed, publishedAt: iso(plan.published_at), unpublishedChanges: plan.changed,
    groups: groups.map((g) => ({
      id: g.id, position: g.position, name: g.name,
      facilitator: g.facilitator_id ? { id: g.facilitator_id, displayName: g.facilitator_name! } : null,
      members: members.filter((m) => m.group_id === g.id).map((m) => ({ rsvpId: m.rsvp_id, name: m.name })),
    })),
  };
}

/**
 * The groups of this meeting the caller was given to facilitate at the last publication: the
 * condition is on the published facilitator in SQL, so nobody else's group and no draft change
 * is read. Members by name only. 404 when the caller facilitates none here.
 */
export async function readMyGroups(db: Db, actor: Actor, eventId: string) {
  const groups = await execute<{ id: string; name: string; title: string; published_at: string | Date }>(db, sql`
    select g.id, g.published_name as name, e.title, p.published_at
    from breakout_groups g join breakout_plans p on p.event_id = g.event_id join events e on e.id = g.event_id
    where g.event_id = ${eventId} and g.published_facilitator_id = ${actor.accountId} and p.published_at is not null and e.status = 'scheduled'
    order by g.position`);
  if (groups.length === 0) throw notFound('Breakout group');
  const members = await execute<MemberRow>(db, sql`
    select m.published_group_id as group_id, m.rsvp_id, r.name from breakout_members m join event_rsvps r on r.id = m.rsvp_id
    where m.published_group_id in (select g.id from breakout_groups g where g.event_id = ${eventId} and g.published_facilitator_id = ${actor.accountId})
    order by lower(r.name), r.id`);
  return {
    eventId, eventTitle: groups[0]!.title, publishedAt: iso(groups[0]!.published_at)!,
    groups: groups.map((g) => ({ id: g.id, name: g.name, members: members.filter((m) => m.group_id === g.id).map((m) => ({ rsvpId: m.rsvp_id, name: m.name })) })),
  };
}
