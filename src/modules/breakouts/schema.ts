import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';
import { eventRsvps, events } from '../events/schema.ts';

export const breakoutSources = ['checked_in', 'confirmed'] as const;
export type BreakoutSource = (typeof breakoutSources)[number];

/**
 * A meeting's breakout plan, one per event: who was split (`source`), into groups of about
 * `group_size`, with which seed. `published_at` is when facilitators were last shown the
 * groups; `changed_at` after it means the host has changes facilitators do not see yet.
 */
export const breakoutPlans = pgTable('breakout_plans', {
  eventId: uuid('event_id').primaryKey().references(() => events.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull(),
  source: text('source', { enum: breakoutSources }).notNull(),
  groupSize: integer('group_size').notNull(),
  seed: integer('seed').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A breakout group. The host edits `name` and `facilitator_account_id`; publishing copies them to
 * the `published_*` columns, which are all a facilitator ever reads, so a change reaches them
 * only when the host publishes again. Poll votes name a group by its id.
 */
export const breakoutGroups = pgTable(
  'breakout_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull().references(() => breakoutPlans.eventId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    facilitatorAccountId: uuid('facilitator_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    publishedName: text('published_name'),
    publishedFacilitatorId: uuid('published_facilitator_id').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('breakout_groups_event_position_idx').on(t.eventId, t.position),
    index('breakout_groups_published_facilitator_idx').on(t.publishedFacilitatorId),
  ],
);

/** An attendee's place: `group_id` as the host has it now, `published_group_id` as facilitators (and poll votes) see it. */
export const breakoutMembers = pgTable(
  'breakout_members',
  {
    rsvpId: uuid('rsvp_id').primaryKey().references(() => eventRsvps.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull().references(() => breakoutPlans.eventId, { onDelete: 'cascade' }),
    groupId: uuid('group_id').notNull().references(() => breakoutGroups.id, { onDelete: 'cascade' }),
    publishedGroupId: uuid('published_group_id').references(() => breakoutGroups.id, { onDelete: 'set null' }),
  },
  (t) => [index('breakout_members_event_idx').on(t.eventId), index('breakout_members_group_idx').on(t.groupId), index('breakout_members_published_group_idx').on(t.publishedGroupId)],
);
