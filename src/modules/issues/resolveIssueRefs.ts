import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { issuesByIdsAndSlugs } from './queries.ts';
import { issues } from './schema.ts';
import { issueSlug } from './slug.ts';

/** An issue raised: one from the taxonomy, or words as said (filed under a matching or new proposed issue). */
export type IssueRef = { issueId: string } | { text: string };

/** Where a raised issue will be filed: an existing issue, or a proposal to create under `newSlug`. */
export interface CheckedIssueRef {
  issueId: string | null;
  newSlug: string | null;
  label: string;
  rawText: string | null;
}

/**
 * Checks issues raised against an organisation's taxonomy in one query. Unknown ids and
 * rejected issues (unless merged into another) are errors; text finds the issue with the same
 * slug, following a merge, or becomes a new proposal. Nothing is written here.
 */
export async function checkIssueRefs(db: Db, orgId: string, refs: IssueRef[], path = 'issues'): Promise<{ checked: CheckedIssueRef[]; errors: FieldError[] }> {
  const ids = refs.flatMap((r) => ('issueId' in r ? [r.issueId] : []));
  const slugs = refs.flatMap((r) => ('text' in r ? [issueSlug(r.text)] : [])).filter(Boolean);
  const rows = await issuesByIdsAndSlugs(db, orgId, [...new Set(ids)], [...new Set(slugs)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const errors: FieldError[] = [];
  const checked: CheckedIssueRef[] = [];
  refs.forEach((ref, i) => {
    if ('issueId' in ref) {
      const row = byId.get(ref.issueId);
      if (!row) return void errors.push({ path: `${path}.${i}.issueId`, message: 'No issue with this id in your organisation.' });
      if (row.status === 'rejected' && !row.mergedIntoId) return void errors.push({ path: `${path}.${i}.issueId`, message: `"${row.label}" was rejected; choose another issue or describe it in words.` });
      return void checked.push({ issueId: row.mergedIntoId ?? row.id, newSlug: null, label: row.label, rawText: null });
    }
    const text = ref.text.trim();
    const slug = issueSlug(text);
    if (!slug) return void errors.push({ path: `${path}.${i}.text`, message: 'Describe the issue in words.' });
    const row = bySlug.get(slug);
    // Text matching a rejected proposal stays filed under it, with its words kept: nothing is lost,
    // and rejected issues are left out of salience.
    if (row) return void checked.push({ issueId: row.mergedIntoId ?? row.id, newSlug: null, label: row.label, rawText: text });
    checked.push({ issueId: null, newSlug: slug, label: text, rawText: text });
  });
  return { checked, errors };
}

/**
 * Creates the proposed issues that checked refs need (one insert; a concurrent proposal of the
 * same words is reused) and returns the issue id for every ref, in order.
 */
export async function fileIssueRefs(tx: Db, orgId: string, accountId: string | null, refs: CheckedIssueRef[]): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const r of refs) if (r.newSlug && !wanted.has(r.newSlug)) wanted.set(r.newSlug, r.label);
  const created = new Map<string, string>();
  if (wanted.size > 0) {
    await tx.insert(issues)
      // In slug order, so two transactions proposing the same words lock their keys in one order.
      .values([...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([slug, label]) => ({ orgId, slug, label: label.slice(0, 200), status: 'proposed' as const, proposedBy: accountId })))
      .onConflictDoNothing({ target: [issues.orgId, issues.slug] });
    const rows = await tx.select({ id: issues.id, slug: issues.slug, mergedIntoId: issues.mergedIntoId }).from(issues)
      .where(and(eq(issues.orgId, orgId), inArray(issues.slug, [...wanted.keys()])));
    for (const r of rows) created.set(r.slug, r.mergedIntoId ?? r.id);
  }
  return refs.map((r) => r.issueId ?? created.get(r.newSlug!)!);
}
