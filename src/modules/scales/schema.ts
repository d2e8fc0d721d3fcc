import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../units/schema.ts';

export const scaleKinds = ['organising', 'support', 'other'] as const;
export type ScaleKind = (typeof scaleKinds)[number];
export const scalePhaseModes = ['single', 'before_after'] as const;
export type ScalePhaseMode = (typeof scalePhaseModes)[number];

/**
 * An assessment scale configured by an organisation: integer points from `min_value` to
 * `max_value`, a label per point (keys are the points as strings), and which end is better.
 * `phases` says whether it is rated once, or before and after a persuasive conversation.
 * Scales are retired (archived), never deleted, because assessments point at them.
 */
export const scales = pgTable(
  'scales',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    kind: text('kind', { enum: scaleKinds }).notNull().default('other'),
    minValue: integer('min_value').notNull(),
    maxValue: integer('max_value').notNull(),
    pointLabels: jsonb('point_labels').$type<Record<string, string>>().notNull().default({}),
    higherIsBetter: boolean('higher_is_better').notNull().default(true),
    phases: text('phases', { enum: scalePhaseModes }).notNull().default('single'),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scales_org_key_idx').on(t.orgId, t.key)],
);
