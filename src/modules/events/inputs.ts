import { z } from 'zod';
import { eventKinds, eventModes, eventVisibilities, seriesFrequencies } from './schema.ts';

/** A time: local "YYYY-MM-DDTHH:MM" in the event's time zone, or an ISO 8601 instant with an offset or Z. */
export const timeInput = z.string().trim().min(16).max(40)
  .describe('local "YYYY-MM-DDTHH:MM" in the event’s time zone, or an instant with an offset ("2026-05-01T18:00:00Z")');

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const webUrl = z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), 'Must be an http or https address.');

export const consentQuestionInput = z.strictObject({
  key: z.string().trim().min(1).max(50).regex(/^[a-z0-9_]+$/, 'Lower-case letters, digits and "_" only.'),
  wording: z.string().trim().min(5).max(1000),
  required: z.boolean().default(false),
});

/** The question asked when an organiser sets none: optional, about hearing from the organisers again. */
export const DEFAULT_CONSENT_QUESTIONS = [
  { key: 'future_contact', wording: 'Email me about future meetings, events and campaigns run by the organisers of this event.', required: false },
];
export const DEFAULT_PRIVACY_NOTICE_VERSION = '2026-01';

const eventFields = {
  kind: z.enum(eventKinds),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  mode: z.enum(eventModes).describe('in_person needs an address, postcode or ward; online needs a link; both needs both'),
  address: optionalText(500),
  postcode: optionalText(12),
  wardCode: optionalText(20).describe('ONS ward code; taken from the postcode when not given'),
  accessibilityNotes: z.string().trim().max(2000),
  onlineUrl: webUrl.nullable().optional(),
  startsAt: timeInput,
  endsAt: timeInput,
  timeZone: z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Europe/London'),
  capacity: z.number().int().min(1).max(100_000).nullable().describe('places; null for no limit. RSVPs beyond it join a waiting list'),
  visibility: z.enum(eventVisibilities),
  hostIds: z.array(z.string().uuid()).max(20).describe('accounts hosting it (they see attendees and check people in)'),
  reminderHours: z.number().int().min(1).max(336).nullable().describe('hours before the start to email a reminder; null for none'),
  consentQuestions: z.array(consentQuestionInput).max(5),
  privacyNoticeVersion: z.string().trim().min(1).max(50),
};

export const createEventBody = z.strictObject({
  unitId: z.string().uuid(),
  ...eventFields,
  description: eventFields.description.default(''),
  accessibilityNotes: eventFields.accessibilityNotes.default(''),
  timeZone: eventFields.timeZone.default('Europe/London'),
  capacity: eventFields.capacity.default(null),
  hostIds: eventFields.hostIds.optional().describe('default: the account creating it'),
  reminderHours: eventFields.reminderHours.default(24),
  consentQuestions: eventFields.consentQuestions.optional().describe('default: one optional question about future contact'),
  privacyNoticeVersion: eventFields.privacyNoticeVersion.default(DEFAULT_PRIVACY_NOTICE_VERSION),
  repeat: z.strictObject({
    frequency: z.enum(seriesFrequencies),
    occurrences: z.number().int().min(2).max(52),
  }).optional().describe('make a recurring series: this many occurrences, the first at startsAt'),
});
export type CreateEventInput = z.infer<typeof createEventBody>;

export const editScopes = ['this', 'following'] as const;
export type EditScope = (typeof editScopes)[number];

export const updateEventBody = z.strictObject({
  kind: eventFields.kind.optional(),
  title: eventFields.title.optional(),
  description: eventFields.description.optional(),
  mode: eventFields.mode.optional(),
  address: eventFields.address,
  postcode: eventFields.postcode,
  wardCode: eventFields.wardCode,
  accessibilityNotes: eventFields.accessibilityNotes.optional(),
  onlineUrl: eventFields.onlineUrl,
  startsAt: timeInput.optional(),
  endsAt: timeInput.optional(),
  timeZone: eventFields.timeZone.optional(),
  capacity: eventFields.capacity.optional(),
  visibility: eventFields.visibility.optional(),
  hostIds: eventFields.hostIds.optional(),
  reminderHours: eventFields.reminderHours.optional(),
  consentQuestions: eventFields.consentQuestions.optional(),
  privacyNoticeVersion: eventFields.privacyNoticeVersion.optional(),
  scope: z.enum(editScopes).default('this').describe('for an occurrence of a series: this one only, or this and every later one'),
});
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const cancelEventBody = z.strictObject({
  reason: z.string().trim().max(1000).default(''),
  scope: z.enum(editScopes).default('this'),
});

export const duplicateEventBody = z.strictObject({
  startsAt: timeInput,
  endsAt: timeInput.optional().describe('default: the same length as the original'),
});

const personDetails = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(''),
  email: z.string().trim().max(320).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  postcode: z.string().trim().max(12).nullable().optional(),
};

export const publicRsvpBody = z.strictObject({
  ...personDetails,
  consents: z.record(z.string().max(50), z.boolean()).default({}).describe('answer per consent question key; a question left out is recorded as not given'),
  privacyNoticeVersion: z.string().trim().min(1).max(50).describe('the version of the privacy notice the form showed'),
});
export type PublicRsvpInput = z.infer<typeof publicRsvpBody>;

export const addRsvpBody = z.strictObject({ personId: z.string().uuid() });

export const walkInBody = z.union([
  z.strictObject({ personId: z.string().uuid() }),
  z.strictObject(personDetails),
]);
export type WalkInInput = z.infer<typeof walkInBody>;

export const checkInBody = z.union([
  z.strictObject({ rsvpId: z.string().uuid() }),
  z.strictObject({ code: z.string().trim().min(4).max(40).describe('the code on the ticket, typed or scanned') }),
]);

export const tokenBody = z.strictObject({ token: z.string().trim().min(20).max(200) });
