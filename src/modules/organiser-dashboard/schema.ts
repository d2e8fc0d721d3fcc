import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';

/** The default weekly one-to-one target of an organiser with no row here. */
export const DEFAULT_ONE_TO_ONES_PER_WEEK = 15;

/** An organiser's own targets (accounts are global, so one row per account). */
export const organiserTargets = pgTable(
  'organiser_targets',
  {
    accountId: uuid('account_id').primaryKey().references(() => accounts.id, { onDelete: 'cascade' }),
    oneToOnesPerWeek: integer('one_to_ones_per_week').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organiser_targets_range', sql`${t.oneToOnesPerWeek} between 0 and 500`)],
);
