import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { runActivityHooks } from '../conversations/activityHooks.ts';
import type { RsvpRow } from './placeRsvp.ts';
import type { EventRow } from './present.ts';
import { normaliseCheckInCode } from './rsvpTokens.ts';
import { eventRsvps } from './schema.ts';

/** The RSVP a check-in names, by id or by the code on the ticket; only within this event. */
export async function findRsvpForCheckIn(tx: Db, eventId: string, ref: { rsvpId: string } | { code: string }): Promise<RsvpRow> {
  let where;
  if ('rsvpId' in ref) where = and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.id, ref.rsvpId));
  else {
    const code = normaliseCheckInCode(ref.code);
    if (!code) throw validationFailed('That is not a ticket code.', [{ path: 'code', message: 'A ticket code has 8 letters and digits, like K7M2-XQ9P.' }]);
    where = and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.checkInCode, code));
  }
  const [rsvp] = await tx.select().from(eventRsvps).where(where).for('update');
  if (!rsvp) throw notFound('Ticket for this event');
  return rsvp;
}

/**
 * Records that someone came: a waiting-list or cancelled RSVP becomes a place (they are at the
 * door), the attendance is stamped once, and the activity hooks (the ladder) run in this
 * transaction. Checking in twice keeps the first time.
 */
export async function checkIn(tx: Db, actor: Actor, event: EventRow, rsvp: RsvpRow, requestId?: string): Promise<{ rsvp: RsvpRow; already: boolean }> {
  if (event.status === 'cancelled') throw conflict('This event is cancelled.');
  if (rsvp.checkedInAt) return { rsvp, already: true };
  const [updated] = await tx.update(eventRsvps)
    .set({ status: 'going', checkedInAt: sql`now()`, checkedInBy: actor.accountId, cancelledAt: null, updatedAt: sql`now()` })
    .where(eq(eventRsvps.id, rsvp.id)).returning();
  await recordAudit(tx, {
    actorAccountId: actor.accountId, action: 'event.check_in', entityType: 'event_rsvp', entityId: rsvp.id, orgId: event.orgId, unitId: event.unitId,
    changes: { eventId: event.id, personId: rsvp.personId, from: rsvp.status }, requestId,
  });
  await runActivityHooks(tx, [{ orgId: event.orgId, personIds: [rsvp.personId], accountIds: [], kind: 'attendance' }]);
  return { rsvp: updated!, already: false };
}

/** Takes back a check-in made by mistake; the ladder is recomputed in the same transaction. */
export async function undoCheckIn(tx: Db, actor: Actor, event: EventRow, rsvp: RsvpRow, requestId?: string): Promise<RsvpRow> {
  if (!rsvp.checkedInAt) return rsvp;
  const [updated] = await tx.update(eventRsvps).set({ checkedInAt: null, checkedInBy: null, updatedAt: sql`now()` }).where(eq(eventRsvps.id, rsvp.id)).returning();
  await recordAudit(tx, {
    actorAccountId: actor.accountId, action: 'event.check_in_undo', entityType: 'event_rsvp', entityId: rsvp.id, orgId: event.orgId, unitId: event.unitId,
    changes: { eventId: event.id, personId: rsvp.personId }, requestId,
  });
  await runActivityHooks(tx, [{ orgId: event.orgId, personIds: [rsvp.personId], accountIds: [], kind: 'attendance' }]);
  return updated!;
}
