import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema.ts';

/**
 * A person being developed as a leader, with the organiser (an account) mentoring them. One
 * open record per person; ending it keeps the row as history.
 */
export const leaderDevelopment = pgTable(
  'leader_development',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    mentorAccountId: uuid('mentor_account_id').notNull(),
    note: text('note'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: uuid('started_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
  },
  (t) => [
    uniqueIndex('leader_development_open_idx').on(t.personId).where(sql`${t.endedAt} is null`),
    index('leader_development_mentor_idx').on(t.mentorAccountId).where(sql`${t.endedAt} is null`),
    index('leader_development_org_idx').on(t.orgId, t.startedAt),
  ],
);
