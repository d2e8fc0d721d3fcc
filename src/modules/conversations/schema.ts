import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { issues } from '../issues/schema.ts';
import { people } from '../people/schema.ts';
import { scales } from '../scales/schema.ts';
import { organisations, units } from '../units/schema.ts';

export const conversationKinds = ['one_to_one', 'doorstep', 'phone', 'house_meeting', 'listening'] as const;
export type ConversationKind = (typeof conversationKinds)[number];
export const conversationOutcomes = ['spoke', 'not_home', 'refused', 'moved', 'come_back_later', 'inaccessible'] as const;
export type ConversationOutcome = (typeof conversationOutcomes)[number];

/**
 * Any organising contact between people: the core record. The id may be chosen by the client
 * (offline logging): `submission_hash` fingerprints the submission that created the row, so a
 * replay of it returns this record and a different body under the same id is refused.
 * `person_id` is the first person spoken with: the column the table will be distributed on,
 * so a conversation sits with its first person. `self_interest` and `story` are special
 * category data (political opinions): read only with conversations.read_sensitive or by the
 * people who took part, and every read is audited.
 * Child rows carry no foreign key to this table (they are co-located with their own person,
 * not with the conversation); the commands write them in the same transaction.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: conversationKinds }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes'),
    outcome: text('outcome', { enum: conversationOutcomes }).notNull(),
    selfInterest: text('self_interest'),
    story: text('story'),
    source: text('source').notNull().default('app'),
    submissionHash: text('submission_hash'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    index('conversations_unit_time_idx').on(t.unitId, t.occurredAt, t.id).where(sql`${t.deletedAt} is null`),
    index('conversations_org_time_idx').on(t.orgId, t.occurredAt, t.id).where(sql`${t.deletedAt} is null`),
    index('conversations_creator_time_idx').on(t.createdBy, t.occurredAt).where(sql`${t.deletedAt} is null`),
    index('conversations_person_idx').on(t.personId),
    check('conversations_duration_check', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 0 and 1440`),
  ],
);

/**
 * The people spoken with (one or more). Kind, time, outcome and ward are copied from the
 * conversation and the person at the time, so a person's timeline, "not spoken to in N days"
 * and conversations by ward are answered from this table alone.
 */
export const conversationPeople = pgTable(
  'conversation_people',
  {
    conversationId: uuid('conversation_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind', { enum: conversationKinds }).notNull(),
    outcome: text('outcome', { enum: conversationOutcomes }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    wardCode: text('ward_code'),
    position: integer('position').notNull().default(0),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.personId] }),
    index('conversation_people_person_time_idx').on(t.personId, t.occurredAt).where(sql`${t.deletedAt} is null`),
    index('conversation_people_unit_time_idx').on(t.unitId, t.occurredAt).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * Who held the conversation: the account that logged it plus any co-organisers. Kind and time
 * are copied so "one-to-ones this week by organiser" is one index range. `person_id` is the
 * conversation's first person, keeping these rows beside their conversation.
 */
export const conversationOrganisers = pgTable(
  'conversation_organisers',
  {
    conversationId: uuid('conversation_id').notNull(),
    accountId: uuid('account_id').notNull(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: conversationKinds }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.accountId] }),
    index('conversation_organisers_account_kind_time_idx').on(t.accountId, t.kind, t.occurredAt).where(sql`${t.deletedAt} is null`),
    index('conversation_organisers_account_time_idx').on(t.accountId, t.occurredAt).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * An issue raised by one person in one conversation (special category data). Free text keeps
 * what was said in `raw_text` beside the issue it was filed under. Unit, ward (the person's, at
 * the time) and time are copied for salience: distinct people per issue by ward and period.
 */
export const conversationIssues = pgTable(
  'conversation_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    issueId: uuid('issue_id').notNull().references(() => issues.id),
    rawText: text('raw_text'),
    unitId: uuid('unit_id').notNull(),
    wardCode: text('ward_code'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('conversation_issues_once_idx').on(t.conversationId, t.personId, t.issueId),
    index('conversation_issues_salience_idx').on(t.orgId, t.issueId, t.wardCode, t.occurredAt, t.personId).where(sql`${t.deletedAt} is null`),
    index('conversation_issues_unit_time_idx').on(t.unitId, t.occurredAt, t.issueId, t.personId).where(sql`${t.deletedAt} is null`),
    index('conversation_issues_person_idx').on(t.personId, t.occurredAt),
    index('conversation_issues_issue_idx').on(t.issueId),
  ],
);

export const assessmentPhases = ['single', 'before', 'after'] as const;
export type AssessmentPhase = (typeof assessmentPhases)[number];

/** A rating of one person on one scale in one conversation (special category data). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    scaleId: uuid('scale_id').notNull().references(() => scales.id),
    value: integer('value').notNull(),
    phase: text('phase', { enum: assessmentPhases }).notNull().default('single'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    assessedBy: uuid('assessed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessments_once_idx').on(t.conversationId, t.personId, t.scaleId, t.phase),
    index('assessments_person_scale_time_idx').on(t.personId, t.scaleId, t.assessedAt).where(sql`${t.deletedAt} is null`),
    index('assessments_unit_scale_time_idx').on(t.unitId, t.scaleId, t.assessedAt).where(sql`${t.deletedAt} is null`),
  ],
);
