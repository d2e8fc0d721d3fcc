import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema.ts';
import { organisations } from '../units/schema.ts';
import type { LadderRule } from './rules.ts';

/**
 * A rung of an organisation's ladder of engagement, lowest `position` first. `rule` says what
 * activity puts someone on it (see rules.ts); `next_step` is the offer to make to someone on it.
 * Levels are archived, never deleted, because history points at them.
 */
export const ladderLevels = pgTable(
  'ladder_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    nextStep: text('next_step').notNull().default(''),
    rule: jsonb('rule').$type<LadderRule>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('ladder_levels_org_key_idx').on(t.orgId, t.key).where(sql`${t.archivedAt} is null`),
    index('ladder_levels_org_position_idx').on(t.orgId, t.position),
  ],
);

/**
 * Where a person stands. `computed_level_id` is what their activity earns; `level_id` is what
 * counts (the manual level while an override holds, else the computed one). An override holds
 * while the computed level stays what it was when the override was set (`manual_base_level_id`):
 * the next change in computed level ends it. Only people who have ever had a level have a row.
 */
export const personLadder = pgTable(
  'person_ladder',
  {
    personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    levelId: uuid('level_id'),
    computedLevelId: uuid('computed_level_id'),
    manualSet: boolean('manual_set').notNull().default(false),
    manualLevelId: uuid('manual_level_id'),
    manualBaseLevelId: uuid('manual_base_level_id'),
    manualReason: text('manual_reason'),
    manualBy: uuid('manual_by'),
    manualAt: timestamp('manual_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_ladder_org_level_idx').on(t.orgId, t.levelId).where(sql`${t.levelId} is not null`)],
);

export const ladderChangeReasons = ['computed', 'manual'] as const;
export type LadderChangeReason = (typeof ladderChangeReasons)[number];

/**
 * Every change of a person's level. Positions are copied at the time, so "moved up" stays true
 * if the ladder is later reordered.
 */
export const ladderHistory = pgTable(
  'ladder_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    fromLevelId: uuid('from_level_id'),
    toLevelId: uuid('to_level_id'),
    fromPosition: integer('from_position'),
    toPosition: integer('to_position'),
    reason: text('reason', { enum: ladderChangeReasons }).notNull(),
    note: text('note'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ladder_history_person_idx').on(t.personId, t.changedAt),
    index('ladder_history_org_time_idx').on(t.orgId, t.changedAt),
  ],
);
