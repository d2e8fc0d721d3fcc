import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';
import { eventRsvps, events } from '../events/schema.ts';
import { issues } from '../issues/schema.ts';
import { people } from '../people/schema.ts';
import { units } from '../units/schema.ts';
import { breakoutGroups } from './schema.ts';

/*
 * What a meeting heard, recorded by a group's facilitator (`group_id` set) or the host for the
 * whole room (`group_id` null). `group_name` keeps the group's published name at the time, so a
 * record outlives a later re-split (the group id is then cleared, not the record). Every row
 * carries the event's organisation and unit so reads are scoped without a join.
 */
const noteColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  groupId: uuid('group_id').references(() => breakoutGroups.id, { onDelete: 'set null' }),
  groupName: text('group_name'),
  recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An issue raised at a meeting, from the taxonomy (or proposed in the words used), with how many in the room raised it when known. */
export const meetingIssues = pgTable('meeting_issues', {
  ...noteColumns(),
  issueId: uuid('issue_id').notNull().references(() => issues.id),
  rawText: text('raw_text'),
  peopleCount: integer('people_count'),
}, (t) => [index('meeting_issues_event_idx').on(t.eventId, t.createdAt)]);

/**
 * The attendees who raised a meeting issue, as people: the salience source for meetings. The
 * issue, unit, ward (the person's at the time, as conversations keep it) and time are copied
 * here so salience reads this table alone, through the same kind of index as conversation issues.
 */
export const meetingIssuePeople = pgTable('meeting_issue_people', {
  meetingIssueId: uuid('meeting_issue_id').notNull().references(() => meetingIssues.id, { onDelete: 'cascade' }),
  rsvpId: uuid('rsvp_id').notNull().references(() => eventRsvps.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  eventId: uuid('event_id').notNull(),
  issueId: uuid('issue_id').notNull(),
  wardCode: text('ward_code'),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.meetingIssueId, t.rsvpId] }),
  index('meeting_issue_people_salience_idx').on(t.orgId, t.issueId, t.wardCode, t.occurredAt, t.personId),
  index('meeting_issue_people_person_idx').on(t.personId),
]);

/** A theme the group kept coming back to, in a few words. */
export const meetingThemes = pgTable('meeting_themes', {
  ...noteColumns(),
  text: text('text').notNull(),
}, (t) => [index('meeting_themes_event_idx').on(t.eventId, t.createdAt)]);

/**
 * A quote, kept only with the speaker's consent to the wording shown to them (`consent_wording`,
 * stored as it was read out). Attributed to an attendee only when one is named.
 */
export const meetingQuotes = pgTable('meeting_quotes', {
  ...noteColumns(),
  text: text('text').notNull(),
  consentWording: text('consent_wording').notNull(),
  consented: boolean('consented').notNull(),
  speakerRsvpId: uuid('speaker_rsvp_id').references(() => eventRsvps.id, { onDelete: 'set null' }),
}, (t) => [index('meeting_quotes_event_idx').on(t.eventId, t.createdAt), check('meeting_quotes_consented_check', sql`${t.consented}`)]);
