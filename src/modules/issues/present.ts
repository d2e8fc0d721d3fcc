import type { issueCategories, issues } from './schema.ts';
import type { IssueCategoryView, IssueView } from './views.ts';

export type IssueRow = typeof issues.$inferSelect;
export type IssueCategoryRow = typeof issueCategories.$inferSelect;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An issue row → JSON, saying whether the caller proposed it. */
export function presentIssue(row: IssueRow, accountId: string): IssueView {
  return {
    id: row.id,
    orgId: row.orgId,
    slug: row.slug,
    label: row.label,
    description: row.description,
    categoryId: row.categoryId,
    status: row.status,
    mergedIntoId: row.mergedIntoId,
    proposedByMe: row.proposedBy === accountId,
    decidedAt: iso(row.decidedAt),
  };
}

/** A category row → JSON. */
export function presentCategory(row: IssueCategoryRow): IssueCategoryView {
  return { id: row.id, slug: row.slug, label: row.label, sortOrder: row.sortOrder, archived: row.archivedAt !== null };
}
