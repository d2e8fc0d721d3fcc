import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';
import { units } from '../units/schema.ts';
import { events } from './schema.ts';

/**
 * The minutes of a meeting, written by those who run it: one text per event, replaced on every
 * save (each save is audited). The event's organisation and unit are copied on so reads are
 * scoped without a join.
 */
export const meetingMinutes = pgTable('meeting_minutes', {
  eventId: uuid('event_id').primaryKey().references(() => events.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  text: text('text').notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('meeting_minutes_unit_idx').on(t.unitId)]);
