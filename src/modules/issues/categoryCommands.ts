import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { IssueCategoryRow } from './present.ts';
import { issueCategories, issues } from './schema.ts';
import { issueSlug } from './slug.ts';

interface Who {
  accountId: string;
  requestId?: string;
}

function slugOf(label: string): string {
  const slug = issueSlug(label);
  if (!slug) throw validationFailed('The label needs some letters or digits.', [{ path: 'label', message: 'Needs some letters or digits.' }]);
  return slug;
}

/** Adds a category to an organisation's taxonomy; a label already used is a 409. */
export async function createCategory(db: Db, input: { orgId: string; label: string; sortOrder?: number }, who: Who): Promise<IssueCategoryRow> {
  const slug = slugOf(input.label);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(issueCategories).values({ orgId: input.orgId, slug, label: input.label, sortOrder: input.sortOrder ?? 0 })
      .onConflictDoNothing({ target: [issueCategories.orgId, issueCategories.slug] }).returning();
    if (!row) throw conflict('There is already a category with this label.');
    await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue_category.create', entityType: 'issue_category', entityId: row.id, orgId: input.orgId, changes: { label: row.label }, requestId: who.requestId });
    return row;
  });
}

/** Renames, reorders, archives or restores a category (archived ones are hidden from pickers, issues keep them). */
export async function updateCategory(tx: Db, cat: IssueCategoryRow, patch: { label?: string; sortOrder?: number; archived?: boolean }, who: Who): Promise<IssueCategoryRow> {
  const set: Partial<typeof issueCategories.$inferInsert> = { updatedAt: new Date() };
  if (patch.label !== undefined && patch.label !== cat.label) {
    set.label = patch.label;
    set.slug = slugOf(patch.label);
    const [clash] = await tx.select({ id: issueCategories.id }).from(issueCategories).where(and(eq(issueCategories.orgId, cat.orgId), eq(issueCategories.slug, set.slug)));
    if (clash && clash.id !== cat.id) throw conflict('There is already a category with this label.');
  }
  if (patch.sortOrder !== undefined) set.sortOrder = patch.sortOrder;
  if (patch.archived !== undefined) set.archivedAt = patch.archived ? (cat.archivedAt ?? new Date()) : null;
  const [after] = await tx.update(issueCategories).set(set).where(eq(issueCategories.id, cat.id)).returning();
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue_category.update', entityType: 'issue_category', entityId: cat.id, orgId: cat.orgId, changes: patch, requestId: who.requestId });
  return after!;
}

/** Deletes a category no issue is filed under; one in use is a 409 (archive it instead). */
export async function deleteCategory(tx: Db, cat: IssueCategoryRow, who: Who): Promise<void> {
  const used = await tx.$count(issues, eq(issues.categoryId, cat.id));
  if (used > 0) throw conflict(`${used} issues are filed under this category; move them or archive the category instead.`, { issues: used });
  await tx.delete(issueCategories).where(eq(issueCategories.id, cat.id));
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue_category.delete', entityType: 'issue_category', entityId: cat.id, orgId: cat.orgId, changes: { label: cat.label }, requestId: who.requestId });
}
