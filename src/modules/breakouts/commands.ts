import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { EventRow } from '../events/present.ts';
import { checkFacilitators } from './facilitators.ts';
import type { GenerateInput } from './inputs.ts';
import { breakoutGroups, breakoutMembers, breakoutPlans } from './schema.ts';
import { splitGroups } from './splitGroups.ts';

/** A meeting is split at most this many people at a time (a room of a few hundred is the largest the door list sees). */
export const MAX_ATTENDEES = 2000;

const audit = (tx: Db, actor: Actor, event: EventRow, action: string, changes: Record<string, unknown>, requestId?: string) =>
  recordAudit(tx, { actorAccountId: actor.accountId, action, entityType: 'event', entityId: event.id, orgId: event.orgId, unitId: event.unitId, changes, requestId });

/**
 * Splits the meeting's attendees into groups (replacing any earlier split). Refused once a poll
 * vote names one of the earlier groups, so no stored answer loses its group. Ward and ladder
 * position are read here only to place people; they are not shown.
 */
export async function generateBreakouts(tx: Db, actor: Actor, event: EventRow, input: GenerateInput, requestId?: string): Promise<void> {
  if (event.status === 'cancelled') throw conflict('This event is cancelled.');
  await checkFacilitators(tx, actor, event, input.facilitatorIds, (i) => `facilitatorIds.${i}`);
  // Votes hold their question's row in share mode; holding these rows here makes votes in flight
  // finish first (and be counted below) and later ones wait and then read the new groups.
  await tx.execute(sql`select 1 from poll_session_questions q join poll_sessions s on s.id = q.session_id where s.event_id = ${event.id} for update of q`);
  const [voted] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from poll_votes v where v.session_id in (select s.id from poll_sessions s where s.event_id = ${event.id}) and v.breakout_id is not null`);
  if (voted!.n > 0) throw conflict('Poll answers are recorded against these groups; adjust them instead of starting again.');
  const attendees = await execute<{ id: string; ward: string | null; level: number }>(tx, sql`
    select r.id, p.ward_code as ward, coalesce(l.position, -1)::int as level
    from event_rsvps r join people p on p.id = r.person_id
      left join person_ladder pl on pl.person_id = r.person_id left join ladder_levels l on l.id = pl.level_id
    where r.event_id = ${event.id} and r.status = 'going' ${input.source === 'checked_in' ? sql`and r.checked_in_at is not null` : sql``}
    order by r.id limit ${MAX_ATTENDEES + 1}`);
  if (attendees.length > MAX_ATTENDEES) throw validationFailed('Too many attendees to split at once.', [{ path: 'source', message: `At most ${MAX_ATTENDEES} people.` }]);
  if (attendees.length === 0) {
    throw validationFailed('Nobody to split yet.', [{ path: 'source', message: input.source === 'checked_in' ? 'Nobody is checked in yet.' : 'Nobody has a place yet.' }]);
  }
  const seed = input.seed ?? randomInt(0, 2_147_483_647);
  const groups = splitGroups(attendees, input.facilitatorIds, input.groupSize, seed);
  await tx.delete(breakoutPlans).where(eq(breakoutPlans.eventId, event.id));
  await tx.insert(breakoutPlans).values({ eventId: event.id, orgId: event.orgId, source: input.source, groupSize: input.groupSize, seed, createdBy: actor.accountId });
  const rows = await tx.insert(breakoutGroups)
    .values(groups.map((g, i) => ({ orgId: event.orgId, eventId: event.id, position: i + 1, name: `Group ${i + 1}`, facilitatorAccountId: g.facilitator })))
    .returning({ id: breakoutGroups.id, position: breakoutGroups.position });
  const idOf = new Map(rows.map((r) => [r.position, r.id]));
  await tx.insert(breakoutMembers).values(groups.flatMap((g, i) => g.members.map((rsvpId) => ({ rsvpId, orgId: event.orgId, eventId: event.id, groupId: idOf.get(i + 1)! }))));
  await audit(tx, actor, event, 'breakouts.generate', { source: input.source, groupSize: input.groupSize, seed, groups: groups.length, attendees: attendees.length }, requestId);
}

async function touch(tx: Db, eventId: string) {
  const [plan] = await tx.update(breakoutPlans).set({ changedAt: sql`now()` }).where(eq(breakoutPlans.eventId, eventId)).returning();
  if (!plan) throw notFound('Breakout groups');
}

/** Moves one attendee to another group of the same meeting; facilitators see it once the host publishes again. */
export async function moveMember(tx: Db, actor: Actor, event: EventRow, rsvpId: string, groupId: string, requestId?: string): Promise<void> {
  await touch(tx, event.id);
  const [group] = await tx.select({ id: breakoutGroups.id }).from(breakoutGroups).where(and(eq(breakoutGroups.id, groupId), eq(breakoutGroups.eventId, event.id)));
  if (!group) throw notFound('Group');
  const [moved] = await tx.update(breakoutMembers).set({ groupId }).where(and(eq(breakoutMembers.rsvpId, rsvpId), eq(breakoutMembers.eventId, event.id))).returning();
  if (!moved) throw notFound('Group member');
  await audit(tx, actor, event, 'breakouts.move', { rsvpId, groupId }, requestId);
}

/** Renames a group or changes its facilitator (one group per facilitator in a meeting). */
export async function editGroup(tx: Db, actor: Actor, event: EventRow, groupId: string, input: { name?: string; facilitatorAccountId?: string | null }, requestId?: string): Promise<void> {
  await touch(tx, event.id);
  if (input.facilitatorAccountId) {
    await checkFacilitators(tx, actor, event, [input.facilitatorAccountId], () => 'facilitatorAccountId');
    const [other] = await tx.select({ id: breakoutGroups.id }).from(breakoutGroups)
      .where(and(eq(breakoutGroups.eventId, event.id), eq(breakoutGroups.facilitatorAccountId, input.facilitatorAccountId), sql`${breakoutGroups.id} <> ${groupId}`));
    if (other) throw conflict('This person already facilitates another group of this meeting.');
  }
  const [g] = await tx.update(breakoutGroups).set(input).where(and(eq(breakoutGroups.id, groupId), eq(breakoutGroups.eventId, event.id))).returning();
  if (!g) throw notFound('Group');
  await audit(tx, actor, event, 'breakouts.edit_group', { groupId, ...input }, requestId);
}

/** Shows facilitators the groups as they are now: names, facilitators and members are copied to what they read. */
export async function publishBreakouts(tx: Db, actor: Actor, event: EventRow, requestId?: string): Promise<void> {
  const [plan] = await tx.update(breakoutPlans).set({ publishedAt: sql`now()`, changedAt: sql`now()` }).where(eq(breakoutPlans.eventId, event.id)).returning();
  if (!plan) throw notFound('Breakout groups');
  await tx.update(breakoutGroups).set({ publishedName: sql`${breakoutGroups.name}`, publishedFacilitatorId: sql`${breakoutGroups.facilitatorAccountId}` }).where(eq(breakoutGroups.eventId, event.id));
  await tx.update(breakoutMembers).set({ publishedGroupId: sql`${breakoutMembers.groupId}` }).where(eq(breakoutMembers.eventId, event.id));
  await audit(tx, actor, event, 'breakouts.publish', {}, requestId);
}
