import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from '../people/schema.ts';
import { units } from '../units/schema.ts';
import { campaigns } from './schema.ts';

export const structureTestStatuses = ['draft', 'running', 'public', 'closed'] as const;
export type StructureTestStatus = (typeof structureTestStatuses)[number];

/**
 * A structure test of a campaign: a public show of strength across a universe (the blocks of an
 * estate, the streets of a ward, a workplace's departments). `countsWhat` says what a count means
 * ("signed the petition"); the test is ready to go public when every segment reaches
 * `thresholdPct` of its size. `quota` is how many each volunteer aims to collect. Going public
 * before the threshold is met needs `publicOverrideReason`.
 */
export const structureTests = pgTable(
  'structure_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    countsWhat: text('counts_what').notNull(),
    thresholdPct: integer('threshold_pct').notNull(),
    quota: integer('quota'),
    status: text('status', { enum: structureTestStatuses }).notNull().default('draft'),
    publicOverrideReason: text('public_override_reason'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('structure_tests_campaign_idx').on(t.campaignId, t.createdAt, t.id),
    check('structure_tests_threshold_range', sql`${t.thresholdPct} between 1 and 100`),
    check('structure_tests_quota_range', sql`${t.quota} is null or ${t.quota} >= 1`),
  ],
);

/** One unit of a structure test's universe ("Block C"), with its size in households or workers. */
export const structureTestSegments = pgTable(
  'structure_test_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    testId: uuid('test_id').notNull().references(() => structureTests.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('structure_test_segments_name_idx').on(t.testId, sql`lower(${t.name})`),
    check('structure_test_segments_size_range', sql`${t.size} >= 1`),
  ],
);

/** A person counted in a segment of a test, once per test, with the account that collected them. */
export const structureTestTallies = pgTable(
  'structure_test_tallies',
  {
    testId: uuid('test_id').notNull().references(() => structureTests.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    segmentId: uuid('segment_id').notNull().references(() => structureTestSegments.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    collectedBy: uuid('collected_by'),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.testId, t.personId] }),
    index('structure_test_tallies_segment_idx').on(t.segmentId),
    index('structure_test_tallies_person_idx').on(t.personId),
  ],
);
