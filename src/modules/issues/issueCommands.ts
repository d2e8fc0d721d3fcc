import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { IssueRow } from './present.ts';
import { issueCategories, issues } from './schema.ts';
import { issueSlug } from './slug.ts';

interface Who {
  accountId: string;
  requestId?: string;
}

async function checkCategory(db: Db, orgId: string, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  const [row] = await db.select({ id: issueCategories.id }).from(issueCategories).where(and(eq(issueCategories.id, categoryId), eq(issueCategories.orgId, orgId)));
  if (!row) throw validationFailed('Unknown category.', [{ path: 'categoryId', message: 'No category with this id in the organisation.' }]);
}

function slugOf(label: string): string {
  const slug = issueSlug(label);
  if (!slug) throw validationFailed('The label needs some letters or digits.', [{ path: 'label', message: 'Needs some letters or digits.' }]);
  return slug;
}

/**
 * Adds an issue to an organisation's taxonomy: a proposal, or approved at once when an organiser
 * adds it. The same words as an existing issue return that issue (`created: false`).
 */
export async function proposeIssue(db: Db, input: { orgId: string; label: string; categoryId?: string | null; description?: string | null; approve: boolean }, who: Who) {
  const slug = slugOf(input.label);
  await checkCategory(db, input.orgId, input.categoryId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(issues).values({
      orgId: input.orgId,
      slug,
      label: input.label,
      description: input.description ?? null,
      categoryId: input.categoryId ?? null,
      status: input.approve ? 'approved' : 'proposed',
      proposedBy: who.accountId,
      decidedBy: input.approve ? who.accountId : null,
      decidedAt: input.approve ? new Date() : null,
    }).onConflictDoNothing({ target: [issues.orgId, issues.slug] }).returning();
    if (!row) {
      const [existing] = await tx.select().from(issues).where(and(eq(issues.orgId, input.orgId), eq(issues.slug, slug)));
      return { issue: existing!, created: false };
    }
    await recordAudit(tx, { actorAccountId: who.accountId, action: input.approve ? 'issue.create' : 'issue.propose', entityType: 'issue', entityId: row.id, orgId: input.orgId, changes: { label: row.label, status: row.status }, requestId: who.requestId });
    return { issue: row, created: true };
  });
}

/** Changes an issue's label, description or category (organisers). */
export async function updateIssue(tx: Db, issue: IssueRow, patch: { label?: string; description?: string | null; categoryId?: string | null }, who: Who): Promise<IssueRow> {
  await checkCategory(tx, issue.orgId, patch.categoryId);
  const set: Partial<typeof issues.$inferInsert> = { updatedAt: new Date() };
  if (patch.label !== undefined && patch.label !== issue.label) {
    set.label = patch.label;
    set.slug = slugOf(patch.label);
    const [clash] = await tx.select({ id: issues.id }).from(issues).where(and(eq(issues.orgId, issue.orgId), eq(issues.slug, set.slug), sql`${issues.id} <> ${issue.id}`));
    if (clash) throw conflict('Another issue already has this label; reject this one and merge it into that one instead.', { issueId: clash.id });
  }
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.categoryId !== undefined) set.categoryId = patch.categoryId;
  const [after] = await tx.update(issues).set(set).where(eq(issues.id, issue.id)).returning();
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue.update', entityType: 'issue', entityId: issue.id, orgId: issue.orgId, changes: { label: set.label, categoryId: patch.categoryId, description: patch.description === undefined ? undefined : 'changed' }, requestId: who.requestId });
  return after!;
}

/** Approves an issue (optionally filing it under a category). */
export async function approveIssue(tx: Db, issue: IssueRow, input: { categoryId?: string | null }, who: Who): Promise<IssueRow> {
  await checkCategory(tx, issue.orgId, input.categoryId);
  const [after] = await tx.update(issues).set({
    status: 'approved',
    mergedIntoId: null,
    decidedBy: who.accountId,
    decidedAt: new Date(),
    updatedAt: new Date(),
    ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
  }).where(eq(issues.id, issue.id)).returning();
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue.approve', entityType: 'issue', entityId: issue.id, orgId: issue.orgId, changes: { status: [issue.status, 'approved'] }, requestId: who.requestId });
  return after!;
}

/**
 * Rejects an issue. With `mergeIntoId` (an approved issue of the same organisation) it is a
 * duplicate: every time it was raised moves to that issue, so salience counts stay whole.
 */
export async function rejectIssue(tx: Db, issue: IssueRow, input: { mergeIntoId?: string | null }, who: Who): Promise<IssueRow> {
  const mergeInto = input.mergeIntoId ?? null;
  if (mergeInto) {
    const [target] = await tx.select().from(issues).where(and(eq(issues.id, mergeInto), eq(issues.orgId, issue.orgId)));
    if (!target || target.id === issue.id || target.status !== 'approved') {
      throw validationFailed('An issue can only be merged into another approved issue of the same organisation.', [{ path: 'mergeIntoId', message: 'Choose another approved issue.' }]);
    }
    // The same person raising both in one conversation counts once.
    await tx.execute(sql`delete from conversation_issues d where d.issue_id = ${issue.id}
      and exists (select 1 from conversation_issues k where k.conversation_id = d.conversation_id and k.person_id = d.person_id and k.issue_id = ${mergeInto})`);
    await tx.execute(sql`update conversation_issues set issue_id = ${mergeInto} where issue_id = ${issue.id}`);
    // Issues raised at meetings follow too (counting distinct people, a person raising both stays one).
    await tx.execute(sql`update meeting_issues set issue_id = ${mergeInto} where issue_id = ${issue.id}`);
    await tx.execute(sql`update meeting_issue_people set issue_id = ${mergeInto} where issue_id = ${issue.id}`);
    await tx.update(issues).set({ mergedIntoId: mergeInto, updatedAt: new Date() }).where(eq(issues.mergedIntoId, issue.id));
  }
  const [after] = await tx.update(issues).set({ status: 'rejected', mergedIntoId: mergeInto, decidedBy: who.accountId, decidedAt: new Date(), updatedAt: new Date() })
    .where(eq(issues.id, issue.id)).returning();
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'issue.reject', entityType: 'issue', entityId: issue.id, orgId: issue.orgId, changes: { status: [issue.status, 'rejected'], mergedIntoId: mergeInto }, requestId: who.requestId });
  return after!;
}
