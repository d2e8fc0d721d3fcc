import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { loadPersonFor } from '../people/policy.ts';
import { units } from '../units/schema.ts';
import { eventMessage, type MailEvent, type MailMessage } from './eventMail.ts';
import type { PublicRsvpInput } from './inputs.ts';
import { checkDetails, matchOrCreatePerson, type CheckedDetails } from './matchPerson.ts';
import { placeRsvp, type RsvpRow } from './placeRsvp.ts';
import type { EventRow } from './present.ts';
import { eventConsentAnswers, events } from './schema.ts';

export const RSVP_SOURCE = 'Event RSVP';

/** The event as messages describe it. */
export async function mailEventOf(tx: Db, e: EventRow): Promise<MailEvent> {
  const [u] = await tx.select({ name: units.name }).from(units).where(eq(units.id, e.unitId));
  return { ...e, unitName: u?.name ?? '' };
}

export interface RsvpOutcome {
  rsvp: RsvpRow;
  outcome: 'created' | 'existing' | 'reactivated';
  mail: MailMessage[];
}

const nameOf = (d: { firstName: string; lastName: string }) => [d.firstName, d.lastName].filter(Boolean).join(' ');

/** Every consent question answered (a required one must be yes); unknown keys are refused. */
function checkConsents(event: EventRow, consents: Record<string, boolean>): void {
  const errors: { path: string; message: string }[] = [];
  const keys = new Set(event.consentQuestions.map((q) => q.key));
  for (const k of Object.keys(consents)) if (!keys.has(k)) errors.push({ path: `consents.${k}`, message: 'This event does not ask that question.' });
  for (const q of event.consentQuestions) if (q.required && consents[q.key] !== true) errors.push({ path: `consents.${q.key}`, message: 'This is needed to sign up.' });
  if (errors.length > 0) throw validationFailed('Some answers are missing or not valid.', errors);
}

/**
 * Appends the answers as given, with the exact wording and notice version, unless they are
 * what this RSVP last recorded (so a repeated sign-up records nothing new).
 */
async function recordConsents(tx: Db, event: EventRow, rsvp: RsvpRow, consents: Record<string, boolean>, noticeVersion: string): Promise<void> {
  const last = await execute<{ question_key: string; wording: string; granted: boolean; privacy_notice_version: string }>(tx, sql`
    select distinct on (question_key) question_key, wording, granted, privacy_notice_version from event_consent_answers
    where rsvp_id = ${rsvp.id} order by question_key, collected_at desc, id desc`);
  const prior = new Map(last.map((r) => [r.question_key, r]));
  const rows = event.consentQuestions
    .map((q) => ({ orgId: event.orgId, rsvpId: rsvp.id, personId: rsvp.personId, questionKey: q.key, wording: q.wording, granted: consents[q.key] === true, privacyNoticeVersion: noticeVersion }))
    .filter((a) => {
      const p = prior.get(a.questionKey);
      return !p || p.wording !== a.wording || p.granted !== a.granted || p.privacy_notice_version !== a.privacyNoticeVersion;
    });
  if (rows.length > 0) await tx.insert(eventConsentAnswers).values(rows);
}

/** A public event open to sign-ups, locked for the rest of the transaction. */
async function lockPublicEvent(tx: Db, eventId: string): Promise<EventRow> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
  if (!event || event.visibility !== 'public') throw notFound('Event');
  if (event.status === 'cancelled') throw conflict('This event has been cancelled.');
  if (event.endsAt.getTime() < Date.now()) throw conflict('This event is over.');
  return event;
}

function confirmation(ctx: { config: { publicUrl: string }; secret: string }, e: MailEvent, r: RsvpOutcome['rsvp'], outcome: RsvpOutcome['outcome']): MailMessage[] {
  if (outcome === 'existing') return [];
  const m = eventMessage(r.status === 'going' ? 'going' : 'waitlisted', ctx.config, ctx.secret, e, r);
  return m ? [m] : [];
}

/**
 * A sign-up from the public form, needing no account: the person is matched in the event's
 * organisation by email or phone (or created in its unit), the answers to the consent
 * questions are recorded with their wording, and they get a place or join the waiting list.
 */
export async function submitPublicRsvp(tx: Db, ctx: { config: { publicUrl: string }; secret: string }, eventId: string, input: PublicRsvpInput, requestId?: string): Promise<RsvpOutcome> {
  const event = await lockPublicEvent(tx, eventId);
  if (input.privacyNoticeVersion !== event.privacyNoticeVersion) {
    throw conflict('The privacy notice has changed since the form was opened. Reload the page to read it and sign up.', { privacyNoticeVersion: event.privacyNoticeVersion });
  }
  checkConsents(event, input.consents);
  const d = checkDetails(input);
  const { personId } = await matchOrCreatePerson(tx, event, d, { actorAccountId: null, source: RSVP_SOURCE, requestId });
  const placed = await placeRsvp(tx, ctx.secret, event, personId, detailsOf(d), 'public', null, requestId);
  await recordConsents(tx, event, placed.rsvp, input.consents, input.privacyNoticeVersion);
  return { ...placed, mail: confirmation(ctx, await mailEventOf(tx, event), placed.rsvp, placed.outcome) };
}

const detailsOf = (d: CheckedDetails) => ({ name: nameOf(d), email: d.email, phone: d.phone, postcode: d.postcode });

/** A person on the caller's list, signed up by an organiser (the event row locked by the caller). */
export async function addPersonRsvp(tx: Db, ctx: { config: { publicUrl: string }; secret: string }, actor: Actor, event: EventRow, personId: string, source: 'organiser' | 'walk_in', requestId?: string): Promise<RsvpOutcome> {
  const { person } = await loadPersonFor(tx, actor, personId, 'read');
  if (person.orgId !== event.orgId) throw validationFailed('That person is in another organisation.', [{ path: 'personId', message: 'Not a person of the event’s organisation.' }]);
  if (event.status === 'cancelled') throw conflict('This event has been cancelled.');
  const [c] = await execute<{ email: string | null; phone: string | null }>(tx, sql`
    select (select normalised from contact_points where person_id = ${personId} and kind = 'email' and status not in ('bounced', 'opted_out') order by is_primary desc, created_at limit 1) as email,
           (select normalised from contact_points where person_id = ${personId} and kind = 'phone' and status not in ('wrong_number', 'opted_out') order by is_primary desc, created_at limit 1) as phone`);
  const details = { name: nameOf(person), email: c?.email ?? null, phone: c?.phone ?? null, postcode: person.postcode };
  const placed = await placeRsvp(tx, ctx.secret, event, personId, details, source, actor.accountId, requestId);
  return { ...placed, mail: source === 'walk_in' ? [] : confirmation(ctx, await mailEventOf(tx, event), placed.rsvp, placed.outcome) };
}

/** Someone at the door who is not on the list: matched or created in the event's unit, then given a place. */
export async function addWalkInDetails(tx: Db, ctx: { config: { publicUrl: string }; secret: string }, actor: Actor, event: EventRow, given: Parameters<typeof checkDetails>[0], requestId?: string): Promise<RsvpOutcome> {
  if (event.status === 'cancelled') throw conflict('This event has been cancelled.');
  const d = checkDetails(given);
  const { personId } = await matchOrCreatePerson(tx, event, d, { actorAccountId: actor.accountId, source: 'Event walk-in', requestId });
  const placed = await placeRsvp(tx, ctx.secret, event, personId, detailsOf(d), 'walk_in', actor.accountId, requestId);
  return { ...placed, mail: [] };
}
