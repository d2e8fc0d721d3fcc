import { z } from 'zod';
import type { Config } from '../../config.ts';
import { formatLocal } from './zonedTime.ts';
import { publicEventUrl, type EventListRow } from './present.ts';
import { eventKinds, eventModes, eventStatuses, rsvpStatuses } from './schema.ts';

/** What anyone may see of a public event: no hosts, no attendees, no online link. */
export const publicEventView = z.object({
  id: z.string().uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(eventKinds),
  mode: z.enum(eventModes),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  accessibilityNotes: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  status: z.enum(eventStatuses),
  cancelReason: z.string().nullable(),
  organiser: z.string().describe('the unit running it'),
  placesLeft: z.number().int().nullable().describe('null when there is no limit'),
  open: z.boolean().describe('taking sign-ups (scheduled and not over)'),
  consentQuestions: z.array(z.object({ key: z.string(), wording: z.string(), required: z.boolean() })),
  privacyNoticeVersion: z.string(),
  url: z.string(),
  calendarUrl: z.string(),
});

export function presentPublicEvent(e: EventListRow, config: Pick<Config, 'publicUrl'>): z.infer<typeof publicEventView> {
  const startsAt = new Date(e.startsAt);
  const endsAt = new Date(e.endsAt);
  return {
    id: e.id, title: e.title, description: e.description, kind: e.kind, mode: e.mode,
    address: e.mode === 'online' ? null : e.address, postcode: e.mode === 'online' ? null : e.postcode, accessibilityNotes: e.accessibilityNotes,
    startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), timeZone: e.timeZone,
    localStart: formatLocal(startsAt, e.timeZone), localEnd: formatLocal(endsAt, e.timeZone),
    status: e.status, cancelReason: e.cancelReason, organiser: e.unitName,
    placesLeft: e.capacity === null ? null : Math.max(e.capacity - e.going, 0),
    open: e.status === 'scheduled' && endsAt.getTime() > Date.now(),
    consentQuestions: e.consentQuestions, privacyNoticeVersion: e.privacyNoticeVersion,
    url: publicEventUrl(config, e.id), calendarUrl: `${config.publicUrl}/api/public/events/${e.id}/calendar.ics`,
  };
}

export const rsvpResultView = z.object({
  status: z.enum(rsvpStatuses),
  message: z.string(),
});

/** An attendee's own ticket, opened with the token from their email. */
export const ticketView = z.object({
  name: z.string(),
  status: z.enum(rsvpStatuses),
  waitlistPosition: z.number().int().nullable(),
  checkInCode: z.string().nullable().describe('only while they have a place'),
  qr: z.object({ size: z.number().int(), path: z.string() }).nullable(),
  checkedIn: z.boolean(),
  onlineUrl: z.string().nullable().describe('only while they have a place'),
  event: publicEventView.omit({ consentQuestions: true, privacyNoticeVersion: true }),
});
