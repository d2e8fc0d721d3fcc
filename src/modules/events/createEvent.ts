import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, validationFailed } from '../../server/errors.ts';
import { can, type Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { units } from '../units/schema.ts';
import { checkHosts, checkPlace, checkTimes, FieldErrors } from './checkEventDetails.ts';
import { DEFAULT_CONSENT_QUESTIONS, type CreateEventInput } from './inputs.ts';
import { eventHosts, eventSeries, events, type SeriesFrequency } from './schema.ts';
import { addLocalDays, addLocalMonths, localParts, zonedInstant } from './zonedTime.ts';

/** The unit an event is put in: unknown or unseen is a 422 on the field, seen but not managed a 403. */
export async function loadUnitForEvents(db: Db, actor: Actor, unitId: string) {
  const [unit] = await db.select({ id: units.id, orgId: units.orgId, path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit || !can(actor, 'events.read', unit.path)) throw validationFailed('Unknown unit.', [{ path: 'unitId', message: 'No unit with this id that you can see.' }]);
  if (!can(actor, 'events.manage', unit.path)) throw forbidden();
  return unit;
}

/** Start instants of a series' occurrences, in local wall time of the zone (so 7pm stays 7pm across clock changes). */
export function seriesStarts(first: Date, timeZone: string, frequency: SeriesFrequency, occurrences: number): Date[] {
  const base = localParts(first, timeZone);
  return Array.from({ length: occurrences }, (_, k) => {
    const p = frequency === 'monthly' ? addLocalMonths(base, k) : addLocalDays(base, k * (frequency === 'weekly' ? 7 : 14));
    return zonedInstant(p, timeZone);
  });
}

/** Creates an event, or every occurrence of a series, with its hosts, audited, in one transaction. Returns the ids (first first). */
export async function createEvent(db: Db, actor: Actor, input: CreateEventInput, requestId?: string): Promise<string[]> {
  const unit = await loadUnitForEvents(db, actor, input.unitId);
  const errors = new FieldErrors();
  const times = checkTimes(errors, input.startsAt, input.endsAt, input.timeZone);
  const place = await checkPlace(db, errors, { mode: input.mode, address: input.address ?? null, postcode: input.postcode ?? null, wardCode: input.wardCode ?? null, onlineUrl: input.onlineUrl ?? null });
  const hostIds = await checkHosts(db, errors, unit.orgId, input.hostIds ?? [actor.accountId]);
  errors.throwIfAny();
  const { start, end } = times!;
  const starts = input.repeat ? seriesStarts(start, input.timeZone, input.repeat.frequency, input.repeat.occurrences) : [start];
  const length = end.getTime() - start.getTime();

  return db.transaction(async (tx) => {
    let seriesId: string | null = null;
    if (input.repeat) {
      const [s] = await tx.insert(eventSeries).values({ orgId: unit.orgId, unitId: unit.id, frequency: input.repeat.frequency, occurrences: input.repeat.occurrences, createdBy: actor.accountId }).returning({ id: eventSeries.id });
      seriesId = s!.id;
    }
    const rows = starts.map((s, i) => ({
      id: crypto.randomUUID(),
      orgId: unit.orgId,
      unitId: unit.id,
      seriesId,
      seriesPosition: seriesId ? i + 1 : null,
      kind: input.kind,
      title: input.title,
      description: input.description,
      mode: input.mode,
      ...place,
      accessibilityNotes: input.accessibilityNotes,
      startsAt: s,
      endsAt: new Date(s.getTime() + length),
      timeZone: input.timeZone,
      capacity: input.capacity,
      visibility: input.visibility,
      reminderHours: input.reminderHours,
      consentQuestions: input.consentQuestions ?? DEFAULT_CONSENT_QUESTIONS,
      privacyNoticeVersion: input.privacyNoticeVersion,
      createdBy: actor.accountId,
      updatedBy: actor.accountId,
    }));
    await tx.insert(events).values(rows);
    const hosts = rows.flatMap((r) => hostIds.map((accountId) => ({ eventId: r.id, accountId, orgId: unit.orgId })));
    if (hosts.length > 0) await tx.insert(eventHosts).values(hosts);
    await recordAudit(tx, rows.map((r) => ({
      actorAccountId: actor.accountId, action: 'event.create', entityType: 'event', entityId: r.id, orgId: unit.orgId, unitId: unit.id,
      changes: { kind: r.kind, visibility: r.visibility, seriesId, seriesPosition: r.seriesPosition }, requestId,
    })));
    return rows.map((r) => r.id);
  });
}
