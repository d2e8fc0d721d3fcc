import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { EventRow } from './present.ts';
import { manageTokenHash, newCheckInCode } from './rsvpTokens.ts';
import { eventRsvps, type RsvpSource, type RsvpStatus } from './schema.ts';

export type RsvpRow = typeof eventRsvps.$inferSelect;

export interface RsvpDetails {
  name: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
}

/** How many have a place at an event (its row must be locked by the caller). */
export async function goingCount(tx: Db, eventId: string): Promise<number> {
  const [r] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from event_rsvps where event_id = ${eventId} and status = 'going'`);
  return r?.n ?? 0;
}

/**
 * A person's RSVP to an event whose row the caller has locked. A place while there is room,
 * else the waiting list; walk-ins always get in. An RSVP the person already holds is returned
 * as it is (asking twice changes nothing); a cancelled one is taken up again at the back of
 * the queue.
 */
export async function placeRsvp(
  tx: Db,
  secret: string,
  event: EventRow,
  personId: string,
  details: RsvpDetails,
  source: RsvpSource,
  actorAccountId: string | null,
  requestId?: string,
): Promise<{ rsvp: RsvpRow; outcome: 'created' | 'existing' | 'reactivated' }> {
  const [existing] = await tx.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, personId))).for('update');
  if (existing && existing.status !== 'cancelled') return { rsvp: existing, outcome: 'existing' };
  const full = source !== 'walk_in' && event.capacity !== null && (await goingCount(tx, event.id)) >= event.capacity;
  const status: RsvpStatus = full ? 'waitlisted' : 'going';
  let rsvp: RsvpRow;
  if (existing) {
    [rsvp] = (await tx.update(eventRsvps)
      .set({ status, source, ...details, queuedAt: sql`now()`, cancelledAt: null, updatedAt: sql`now()` })
      .where(eq(eventRsvps.id, existing.id)).returning()) as [RsvpRow];
  } else {
    const id = crypto.randomUUID();
    // A clash of check-in codes within one event is astronomically rare; retry once with another.
    for (let attempt = 0; ; attempt++) {
      const code = newCheckInCode();
      const inserted = await tx.insert(eventRsvps).values({
        id, orgId: event.orgId, eventId: event.id, personId, status, source, ...details,
        manageTokenHash: manageTokenHash(secret, id), checkInCode: code, createdBy: actorAccountId,
      }).onConflictDoNothing().returning();
      if (inserted[0]) {
        rsvp = inserted[0];
        break;
      }
      if (attempt > 3) throw new Error('could not choose a check-in code');
    }
  }
  await recordAudit(tx, {
    actorAccountId, action: 'event.rsvp', entityType: 'event_rsvp', entityId: rsvp!.id, orgId: event.orgId, unitId: event.unitId,
    changes: { eventId: event.id, personId, status, source, again: !!existing }, requestId,
  });
  return { rsvp: rsvp!, outcome: existing ? 'reactivated' : 'created' };
}
