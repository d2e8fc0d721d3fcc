import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { runActivityHooks } from '../conversations/activityHooks.ts';
import { eventMessage, type MailMessage } from './eventMail.ts';
import type { LoadedEvent } from './policy.ts';
import { events } from './schema.ts';
import { mailEventOf } from './submitRsvp.ts';
import { targetsOf } from './updateEvent.ts';

/**
 * Cancels an event (or it and the later occurrences of its series): status cancelled, SEQUENCE
 * up so calendars show it struck through, and a message for everyone who had a place or was
 * waiting, sent by the caller after the transaction commits.
 */
export async function cancelEvent(tx: Db, actor: Actor, loaded: LoadedEvent, body: { reason: string; scope: 'this' | 'following' }, ctx: { config: { publicUrl: string }; secret: string }, requestId?: string): Promise<MailMessage[]> {
  if (loaded.event.status === 'cancelled') throw conflict('This event is already cancelled.');
  const targets = await targetsOf(tx, loaded.event, body.scope);
  const ids = targets.map((t) => t.id);
  await tx.update(events)
    .set({ status: 'cancelled', cancelReason: body.reason || null, cancelledAt: sql`now()`, sequence: sql`${events.sequence} + 1`, updatedAt: sql`now()`, updatedBy: actor.accountId })
    .where(inArray(events.id, ids));
  await recordAudit(tx, targets.map((t) => ({
    actorAccountId: actor.accountId, action: 'event.cancel', entityType: 'event', entityId: t.id, orgId: t.orgId, unitId: t.unitId,
    changes: { reason: body.reason, scope: body.scope }, requestId,
  })));
  // Attendance at a cancelled event no longer counts: standings built on it are recomputed now.
  const came = await execute<{ person_id: string }>(tx, sql`select distinct person_id from event_rsvps where event_id = any(${arrayParam(ids)}::uuid[]) and checked_in_at is not null`);
  if (came.length > 0) await runActivityHooks(tx, [{ orgId: loaded.event.orgId, personIds: came.map((r) => r.person_id), accountIds: [], kind: 'attendance' }]);
  const told = await execute<{ event_id: string; id: string; name: string; email: string | null }>(tx, sql`
    select event_id, id, name, email from event_rsvps
    where event_id = any(${arrayParam(ids)}::uuid[]) and status in ('going', 'waitlisted') and email is not null`);
  const mail: MailMessage[] = [];
  for (const t of targets) {
    const people = told.filter((r) => r.event_id === t.id);
    if (people.length === 0) continue;
    const me = await mailEventOf(tx, t);
    for (const p of people) {
      const m = eventMessage('cancelled', ctx.config, ctx.secret, me, p, body.reason);
      if (m) mail.push(m);
    }
  }
  return mail;
}
