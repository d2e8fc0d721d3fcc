import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import { checkHosts, checkPlace, checkTimes, FieldErrors } from './checkEventDetails.ts';
import { eventMessage, type MailMessage } from './eventMail.ts';
import type { UpdateEventInput } from './inputs.ts';
import type { LoadedEvent } from './policy.ts';
import type { EventRow } from './present.ts';
import { promoteWaitlist } from './promoteWaitlist.ts';
import { eventHosts, events } from './schema.ts';
import { mailEventOf } from './submitRsvp.ts';
import { addLocalDays, formatLocal, localDayDifference, localParts, zonedInstant } from './zonedTime.ts';

/** The occurrences an edit or cancellation applies to, locked in id order: this one, or it and every later scheduled one of its series. */
export async function targetsOf(tx: Db, event: EventRow, scope: 'this' | 'following'): Promise<EventRow[]> {
  if (scope === 'this' || !event.seriesId) return [event];
  const ids = await execute<{ id: string }>(tx, sql`
    select id from events where series_id = ${event.seriesId} and (id = ${event.id} or (starts_at > ${event.startsAt.toISOString()}::timestamptz and status = 'scheduled'))
    order by id for update`);
  return tx.select().from(events).where(inArray(events.id, ids.map((r) => r.id))).orderBy(events.startsAt);
}

const SHARED = ['kind', 'title', 'description', 'accessibilityNotes', 'capacity', 'visibility', 'reminderHours', 'consentQuestions', 'privacyNoticeVersion'] as const;

/**
 * Edits an event, or it and the later occurrences of its series. A new start or end moves each
 * occurrence by the same number of days to the new local time, keeping the new length. A
 * capacity below the places already given is refused; a larger one promotes from the waiting
 * list. Every changed occurrence's SEQUENCE goes up so calendars take the change.
 */
export async function updateEvent(tx: Db, actor: Actor, loaded: LoadedEvent, input: UpdateEventInput, ctx: { config: { publicUrl: string }; secret: string }, requestId?: string): Promise<MailMessage[]> {
  const event = loaded.event;
  if (event.status === 'cancelled') throw conflict('A cancelled event cannot be edited.');
  const targets = await targetsOf(tx, event, input.scope);
  const errors = new FieldErrors();

  const timeZone = input.timeZone ?? event.timeZone;
  let times: { start: Date; end: Date } | null = { start: event.startsAt, end: event.endsAt };
  if (input.startsAt || input.endsAt || input.timeZone) {
    times = checkTimes(errors, input.startsAt ?? event.startsAt.toISOString(), input.endsAt ?? event.endsAt.toISOString(), timeZone);
  }
  const placeChanged = ['mode', 'address', 'postcode', 'wardCode', 'onlineUrl'].some((k) => k in input);
  const place = placeChanged
    ? await checkPlace(tx, errors, {
        mode: input.mode ?? event.mode,
        address: 'address' in input ? (input.address ?? null) : event.address,
        postcode: 'postcode' in input ? (input.postcode ?? null) : event.postcode,
        wardCode: 'wardCode' in input ? (input.wardCode ?? null) : event.wardCode,
        onlineUrl: 'onlineUrl' in input ? (input.onlineUrl ?? null) : event.onlineUrl,
      })
    : null;
  const hostIds = input.hostIds ? await checkHosts(tx, errors, event.orgId, input.hostIds) : null;
  if (input.capacity !== undefined && input.capacity !== null) {
    const going = await execute<{ event_id: string; n: number }>(tx, sql`
      select event_id, count(*)::int as n from event_rsvps where event_id = any(${arrayParam(targets.map((t) => t.id))}::uuid[]) and status = 'going' group by event_id`);
    const over = going.filter((g) => g.n > input.capacity!);
    if (over.length > 0) errors.add('capacity', `${Math.max(...over.map((o) => o.n))} people already have a place; the capacity cannot be lower than that.`);
  }
  errors.throwIfAny();

  const shared: Partial<typeof events.$inferInsert> = {};
  for (const k of SHARED) if (input[k] !== undefined) (shared as Record<string, unknown>)[k] = input[k];
  if (input.mode) shared.mode = input.mode;
  if (place) Object.assign(shared, place);
  if (input.timeZone) shared.timeZone = input.timeZone;
  const ids = targets.map((t) => t.id);
  await tx.update(events).set({ ...shared, sequence: sql`${events.sequence} + 1`, updatedAt: sql`now()`, updatedBy: actor.accountId }).where(inArray(events.id, ids));

  const timesChanged = times!.start.getTime() !== event.startsAt.getTime() || times!.end.getTime() !== event.endsAt.getTime() || !!input.timeZone;
  let moved: { id: string; start: Date; end: Date }[] = [];
  if (timesChanged) {
    const oldLocal = localParts(event.startsAt, event.timeZone);
    const newLocal = localParts(times!.start, timeZone);
    const shift = localDayDifference(oldLocal, newLocal);
    const length = times!.end.getTime() - times!.start.getTime();
    moved = targets.map((t) => {
      const start = t.id === event.id ? times!.start : zonedInstant({ ...addLocalDays(localParts(t.startsAt, t.timeZone), shift), hour: newLocal.hour, minute: newLocal.minute }, timeZone);
      return { id: t.id, start, end: new Date(start.getTime() + length) };
    });
    await tx.execute(sql`
      update events e set starts_at = v.s, ends_at = v.e
      from unnest(${arrayParam(moved.map((m) => m.id))}::uuid[], ${arrayParam(moved.map((m) => m.start.toISOString()))}::timestamptz[], ${arrayParam(moved.map((m) => m.end.toISOString()))}::timestamptz[]) as v(id, s, e)
      where e.id = v.id`);
  }
  if (hostIds) {
    await tx.delete(eventHosts).where(inArray(eventHosts.eventId, ids));
    if (hostIds.length > 0) await tx.insert(eventHosts).values(ids.flatMap((eventId) => hostIds.map((accountId) => ({ eventId, accountId, orgId: event.orgId }))));
  }

  const mail: MailMessage[] = [];
  for (const t of targets) {
    const after = { ...shared, ...(moved.find((m) => m.id === t.id) ? { startsAt: formatLocal(moved.find((m) => m.id === t.id)!.start, timeZone), endsAt: formatLocal(moved.find((m) => m.id === t.id)!.end, timeZone) } : {}) };
    const before = { ...t, startsAt: formatLocal(t.startsAt, t.timeZone), endsAt: formatLocal(t.endsAt, t.timeZone) } as Record<string, unknown>;
    await recordAudit(tx, {
      actorAccountId: actor.accountId, action: 'event.update', entityType: 'event', entityId: t.id, orgId: t.orgId, unitId: t.unitId,
      changes: { ...diffFields(before, after), ...(hostIds ? { hostIds } : {}), scope: input.scope }, requestId,
    });
    if (input.capacity !== undefined) {
      const promoted = await promoteWaitlist(tx, t.id);
      if (promoted.length > 0) {
        const [fresh] = await tx.select().from(events).where(eq(events.id, t.id));
        const me = await mailEventOf(tx, fresh!);
        for (const p of promoted) {
          const m = eventMessage('promoted', ctx.config, ctx.secret, me, p);
          if (m) mail.push(m);
        }
      }
    }
  }
  return mail;
}
