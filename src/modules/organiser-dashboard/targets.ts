import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { managedPrefixes } from '../accounts/adminScope.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { DEFAULT_ONE_TO_ONES_PER_WEEK, organiserTargets } from './schema.ts';
import type { TargetView } from './views.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/**
 * Whose targets the actor may see and set: their own, and those of accounts holding a role in a
 * unit where the actor administers roles. Anyone else's is a 404 (an account id confirms nothing).
 */
export async function assertMayTarget(db: Db, actor: Actor, accountId: string): Promise<void> {
  if (accountId === actor.accountId) return;
  const prefixes = managedPrefixes(actor);
  if (prefixes.length > 0) {
    const [row] = await execute<{ ok: number }>(db, sql`
      select 1 as ok from role_grants g join units u on u.id = g.unit_id
      where g.account_id = ${accountId} and u.path like any(${arrayParam(prefixes)}::text[]) limit 1`);
    if (row) return;
  }
  throw notFound('Account');
}

/** An account's targets (the default when none is set). */
export async function targetOf(db: Db, accountId: string): Promise<TargetView> {
  const [row] = await db.select().from(organiserTargets).where(eq(organiserTargets.accountId, accountId));
  return row
    ? { accountId, oneToOnesPerWeek: row.oneToOnesPerWeek, isDefault: false, updatedAt: new Date(row.updatedAt).toISOString() }
    : { accountId, oneToOnesPerWeek: DEFAULT_ONE_TO_ONES_PER_WEEK, isDefault: true, updatedAt: null };
}

/** Sets an organiser's weekly one-to-one target (the caller checked they may). Audited. */
export async function setTarget(tx: Db, actor: Actor, accountId: string, oneToOnesPerWeek: number, requestId?: string): Promise<void> {
  const before = await targetOf(tx, accountId);
  const values = { oneToOnesPerWeek, updatedBy: actor.accountId, updatedAt: new Date() };
  await tx.insert(organiserTargets).values({ accountId, ...values }).onConflictDoUpdate({ target: organiserTargets.accountId, set: values });
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor), action: 'organiser_target.set', entityType: 'account', entityId: accountId,
    changes: { oneToOnesPerWeek: [before.isDefault ? null : before.oneToOnesPerWeek, oneToOnesPerWeek] }, requestId,
  });
}
