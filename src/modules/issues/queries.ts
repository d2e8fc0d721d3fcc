import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { managesIssues } from './policy.ts';
import { issueCategories, issues, type IssueStatus } from './schema.ts';

/** Taxonomies are small, but never unbounded. */
const MAX_ISSUES = 2000;

/**
 * An organisation's categories and the issues the actor may see: approved ones for everyone;
 * proposals and rejections for those who decide on them, and their own proposals for the rest.
 */
export async function loadTaxonomy(db: Db, actor: Actor, orgId: string, statuses?: IssueStatus[]) {
  const manager = managesIssues(actor, orgId);
  const visible = manager ? undefined : or(eq(issues.status, 'approved'), and(eq(issues.status, 'proposed'), eq(issues.proposedBy, actor.accountId)));
  const [categories, rows] = await Promise.all([
    db.select().from(issueCategories).where(and(eq(issueCategories.orgId, orgId), manager ? undefined : isNull(issueCategories.archivedAt)))
      .orderBy(asc(issueCategories.sortOrder), asc(issueCategories.label)).limit(MAX_ISSUES),
    db.select().from(issues).where(and(eq(issues.orgId, orgId), visible, statuses && statuses.length > 0 ? inArray(issues.status, statuses) : undefined))
      .orderBy(asc(issues.label), asc(issues.id)).limit(MAX_ISSUES),
  ]);
  return { categories, issues: rows };
}

/** One issue of an organisation the actor reads, or undefined. */
export async function findIssue(db: Db, id: string, orgIds: string[]) {
  if (orgIds.length === 0) return undefined;
  const [row] = await db.select().from(issues).where(and(eq(issues.id, id), inArray(issues.orgId, orgIds))).limit(1);
  return row;
}

/** One category of an organisation the actor manages, or undefined. */
export async function findCategory(db: Db, id: string, orgIds: string[]) {
  if (orgIds.length === 0) return undefined;
  const [row] = await db.select().from(issueCategories).where(and(eq(issueCategories.id, id), inArray(issueCategories.orgId, orgIds))).limit(1);
  return row;
}

/** Issues of an organisation by id and by slug, in one query each way. */
export async function issuesByIdsAndSlugs(db: Db, orgId: string, ids: string[], slugs: string[]) {
  if (ids.length === 0 && slugs.length === 0) return [];
  return db.select().from(issues).where(and(eq(issues.orgId, orgId), or(
    ids.length > 0 ? inArray(issues.id, ids) : sql`false`,
    slugs.length > 0 ? inArray(issues.slug, slugs) : sql`false`,
  )));
}
