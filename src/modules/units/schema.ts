import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema.ts';

/** An organisation (a party, a union, a campaign group); the root of one unit tree. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const unitKinds = ['national', 'nation', 'region', 'constituency', 'branch', 'affiliate'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * A node of the organisation tree. `path` is the materialised list of ancestor ids
 * ("/root/child/…/self/") so that "this unit and everything below it" is one prefix match.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: unitKinds }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_org_code_idx').on(t.orgId, t.code),
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('units_parent_idx').on(t.parentId),
  ],
);

/** The real geography a unit covers. */
export const unitAreas = pgTable(
  'unit_areas',
  {
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull().references(() => areas.code),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.areaCode] }), index('unit_areas_area_idx').on(t.areaCode)],
);
