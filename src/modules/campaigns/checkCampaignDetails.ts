import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import { areas } from '../areas/schema.ts';
import { issues } from '../issues/schema.ts';

/** The issue a campaign takes on: one of the organisation's issues, not rejected (a merged one names where it went). */
export async function checkIssue(db: Db, orgId: string, issueId: string | null): Promise<void> {
  if (!issueId) return;
  const [issue] = await db.select({ status: issues.status, mergedIntoId: issues.mergedIntoId }).from(issues).where(and(eq(issues.id, issueId), eq(issues.orgId, orgId))).limit(1);
  if (!issue) throw validationFailed('Unknown issue.', [{ path: 'issueId', message: 'No issue with this id in the organisation’s taxonomy.' }]);
  if (issue.status === 'rejected') {
    throw validationFailed('That issue was rejected.', [{ path: 'issueId', message: issue.mergedIntoId ? `It was merged into issue ${issue.mergedIntoId}; use that one.` : 'Choose an issue that is proposed or approved.' }]);
  }
}

/** Area codes, upper-cased and each known; an unknown one is a 422 naming it. */
export async function checkAreas(db: Db, codes: string[]): Promise<string[]> {
  const wanted = [...new Set(codes.map((c) => c.toUpperCase()))];
  if (wanted.length === 0) return [];
  const found = new Set((await db.select({ code: areas.code }).from(areas).where(inArray(areas.code, wanted))).map((r) => r.code));
  const unknown = wanted.filter((c) => !found.has(c));
  if (unknown.length > 0) throw validationFailed('Unknown area.', unknown.map((c) => ({ path: 'areaCodes', message: `No area with code ${c}.` })));
  return wanted;
}
