import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { MailRsvp } from './eventMail.ts';
import type { RsvpRow } from './placeRsvp.ts';
import type { EventRow } from './present.ts';
import { promoteWaitlist } from './promoteWaitlist.ts';
import { eventRsvps } from './schema.ts';

/**
 * Cancels an RSVP (the event row locked by the caller) and gives the freed place to the front
 * of the waiting list. Cancelling twice changes nothing. Returns whether it changed and who
 * was promoted.
 */
export async function cancelRsvp(tx: Db, event: EventRow, rsvp: RsvpRow, actorAccountId: string | null, requestId?: string): Promise<{ changed: boolean; promoted: MailRsvp[] }> {
  if (rsvp.status === 'cancelled') return { changed: false, promoted: [] };
  await tx.update(eventRsvps).set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` }).where(eq(eventRsvps.id, rsvp.id));
  const promoted = await promoteWaitlist(tx, event.id);
  await recordAudit(tx, {
    actorAccountId, action: 'event.rsvp_cancel', entityType: 'event_rsvp', entityId: rsvp.id, orgId: event.orgId, unitId: event.unitId,
    changes: { eventId: event.id, from: rsvp.status, promoted: promoted.map((p) => p.id) }, requestId,
  });
  return { changed: true, promoted };
}
