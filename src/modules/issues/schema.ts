import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../units/schema.ts';

/** Groups of issues in an organisation's taxonomy (housing, transport, health…). A reference table. */
export const issueCategories = pgTable(
  'issue_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    slug: text('slug').notNull(),
    label: text('label').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('issue_categories_org_slug_idx').on(t.orgId, t.slug)],
);

export const issueStatuses = ['proposed', 'approved', 'rejected'] as const;
export type IssueStatus = (typeof issueStatuses)[number];

/**
 * Something people raise. Anyone who logs conversations may propose one (free text raised in a
 * conversation becomes a proposal); organisers approve or reject it. A rejected duplicate names
 * the issue it was merged into, and its raised rows are moved there. `slug` is the normalised
 * label, so the same words typed twice find the same issue.
 */
export const issues = pgTable(
  'issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    categoryId: uuid('category_id').references(() => issueCategories.id),
    slug: text('slug').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    status: text('status', { enum: issueStatuses }).notNull().default('proposed'),
    proposedBy: uuid('proposed_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('issues_org_slug_idx').on(t.orgId, t.slug),
    index('issues_org_status_idx').on(t.orgId, t.status, t.label),
    index('issues_category_idx').on(t.categoryId).where(sql`${t.categoryId} is not null`),
  ],
);
