import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';
import { people } from '../people/schema.ts';
import { organisations, units } from '../units/schema.ts';

export const eventKinds = ['house_meeting', 'listening_meeting', 'training', 'action', 'assembly', 'social'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventModes = ['in_person', 'online', 'both'] as const;
export type EventMode = (typeof eventModes)[number];
/** public: anyone, with a public page and RSVP form; members: anyone with a role in the organisation; unit: the unit and above only. */
export const eventVisibilities = ['public', 'members', 'unit'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];
export const eventStatuses = ['scheduled', 'cancelled'] as const;
export const seriesFrequencies = ['weekly', 'fortnightly', 'monthly'] as const;
export type SeriesFrequency = (typeof seriesFrequencies)[number];

/** A consent question as it was put to people: `wording` is stored verbatim with every answer. */
export interface ConsentQuestion {
  key: string;
  wording: string;
  required: boolean;
}

/** A recurring series: its occurrences are ordinary events that carry its id. */
export const eventSeries = pgTable('event_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull().references(() => organisations.id),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  frequency: text('frequency', { enum: seriesFrequencies }).notNull(),
  occurrences: integer('occurrences').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Something people come to. Times are instants (`starts_at`, `ends_at`) shown in `time_zone`.
 * `ward_code` / `constituency_code` place an in-person event for aggregates (from the ward given
 * or the postcode). `sequence` goes up on every change people's calendars must pick up.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    seriesId: uuid('series_id').references(() => eventSeries.id),
    seriesPosition: integer('series_position'),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    mode: text('mode', { enum: eventModes }).notNull(),
    address: text('address'),
    postcode: text('postcode'),
    wardCode: text('ward_code'),
    constituencyCode: text('constituency_code'),
    accessibilityNotes: text('accessibility_notes').notNull().default(''),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/London'),
    capacity: integer('capacity'),
    visibility: text('visibility', { enum: eventVisibilities }).notNull(),
    status: text('status', { enum: eventStatuses }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    reminderHours: integer('reminder_hours').default(24),
    consentQuestions: jsonb('consent_questions').$type<ConsentQuestion[]>().notNull().default([]),
    privacyNoticeVersion: text('privacy_notice_version').notNull(),
    sequence: integer('sequence').notNull().default(0),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_unit_start_idx').on(t.unitId, t.startsAt, t.id),
    index('events_org_start_idx').on(t.orgId, t.startsAt, t.id),
    index('events_series_idx').on(t.seriesId, t.startsAt).where(sql`${t.seriesId} is not null`),
    index('events_constituency_idx').on(t.constituencyCode, t.startsAt).where(sql`${t.constituencyCode} is not null`),
  ],
);

/** Accounts hosting an event: they may see its attendees and check people in. */
export const eventHosts = pgTable(
  'event_hosts',
  {
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.accountId] }), index('event_hosts_account_idx').on(t.accountId)],
);

export const rsvpStatuses = ['going', 'waitlisted', 'cancelled'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
export const rsvpSources = ['public', 'organiser', 'walk_in'] as const;
export type RsvpSource = (typeof rsvpSources)[number];

/**
 * A person's answer to an event, one per person and event. The name and contact given are kept
 * as collected (the person record may say otherwise). `manage_token_hash` opens the ticket and
 * cancel link mailed to them; `check_in_code` is what their ticket's QR code carries. A waiting
 * list is ordered by `queued_at`. Attendance is `checked_in_at`.
 */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    status: text('status', { enum: rsvpStatuses }).notNull(),
    source: text('source', { enum: rsvpSources }).notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    postcode: text('postcode'),
    manageTokenHash: text('manage_token_hash').notNull(),
    checkInCode: text('check_in_code').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_rsvps_event_person_idx').on(t.eventId, t.personId),
    uniqueIndex('event_rsvps_token_idx').on(t.manageTokenHash),
    uniqueIndex('event_rsvps_code_idx').on(t.eventId, t.checkInCode),
    index('event_rsvps_event_status_idx').on(t.eventId, t.status, t.queuedAt),
    index('event_rsvps_person_idx').on(t.personId),
    index('event_rsvps_reminder_idx').on(t.eventId).where(sql`${t.reminderSentAt} is null and ${t.status} = 'going'`),
  ],
);

/** Answers to consent questions, with the exact wording and privacy-notice version shown. Append-only. */
export const eventConsentAnswers = pgTable(
  'event_consent_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    rsvpId: uuid('rsvp_id').notNull().references(() => eventRsvps.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    wording: text('wording').notNull(),
    granted: boolean('granted').notNull(),
    privacyNoticeVersion: text('privacy_notice_version').notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_consent_answers_person_idx').on(t.personId, t.collectedAt), index('event_consent_answers_rsvp_idx').on(t.rsvpId)],
);

/** A private calendar feed URL of an account; only the hash of its token is stored. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash), index('calendar_feeds_account_idx').on(t.accountId)],
);
