import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema.ts';

/** A next contact to make with a person, assigned to an account, due on a date. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    conversationId: uuid('conversation_id'),
    assigneeAccountId: uuid('assignee_account_id').notNull(),
    dueOn: date('due_on').notNull(),
    reason: text('reason').notNull().default(''),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // "My follow-ups due": open ones by assignee, soonest first.
    index('follow_ups_assignee_due_idx').on(t.assigneeAccountId, t.dueOn).where(sql`${t.doneAt} is null and ${t.deletedAt} is null`),
    index('follow_ups_person_due_idx').on(t.personId, t.dueOn).where(sql`${t.deletedAt} is null`),
    index('follow_ups_unit_due_idx').on(t.unitId, t.dueOn).where(sql`${t.doneAt} is null and ${t.deletedAt} is null`),
    index('follow_ups_conversation_idx').on(t.conversationId),
  ],
);
