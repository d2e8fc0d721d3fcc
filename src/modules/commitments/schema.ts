import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema.ts';

export const commitmentAsks = ['attend', 'host', 'sign', 'recruit', 'one_to_one', 'vote', 'custom'] as const;
export type CommitmentAsk = (typeof commitmentAsks)[number];
export const commitmentAnswers = ['yes', 'no', 'maybe', 'awaiting'] as const;
export type CommitmentAnswer = (typeof commitmentAnswers)[number];
export const commitmentStatuses = ['open', 'kept', 'broken'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/**
 * Something asked of a person in a conversation, their answer, and later whether it was kept.
 * Only a yes or maybe can be kept or broken; `marked_at`/`marked_by` say who marked it and when.
 * `asked_at` is the conversation's time, `asked_by` the account that logged it.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    conversationId: uuid('conversation_id'),
    ask: text('ask', { enum: commitmentAsks }).notNull(),
    customText: text('custom_text'),
    answer: text('answer', { enum: commitmentAnswers }).notNull().default('awaiting'),
    dueOn: date('due_on'),
    status: text('status', { enum: commitmentStatuses }).notNull().default('open'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    markedBy: uuid('marked_by'),
    askedBy: uuid('asked_by'),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('commitments_person_time_idx').on(t.personId, t.askedAt).where(sql`${t.deletedAt} is null`),
    index('commitments_unit_status_due_idx').on(t.unitId, t.status, t.dueOn).where(sql`${t.deletedAt} is null`),
    index('commitments_asker_answer_idx').on(t.askedBy, t.answer, t.askedAt).where(sql`${t.deletedAt} is null`),
    index('commitments_conversation_idx').on(t.conversationId),
  ],
);
