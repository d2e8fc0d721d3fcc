import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { units } from '../units/schema.ts';
import type { Actor } from './actor.ts';
import { assertMayManage, manageRankAt } from './adminScope.ts';
import { roleGrants } from './schema.ts';

/**
 * Removes one role grant. Grants outside the actor's subtrees are answered as not found, so
 * their existence is not revealed. The change applies from the account's next request, because
 * grants are read afresh on every request.
 */
export async function adminRevokeGrant(db: Db, actor: Actor, grantId: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [grant] = await tx
      .select({ id: roleGrants.id, accountId: roleGrants.accountId, unitId: roleGrants.unitId, role: roleGrants.role, path: units.path, orgId: units.orgId })
      .from(roleGrants)
      .innerJoin(units, eq(units.id, roleGrants.unitId))
      .where(eq(roleGrants.id, grantId))
      .for('update', { of: roleGrants });
    if (!grant || manageRankAt(actor, grant.path) < 0) throw notFound('Role grant');
    assertMayManage(actor, grant.path, grant.role);
    // Removing your own role is how administrators lock themselves (and their unit) out; another admin must do it.
    if (grant.accountId === actor.accountId) throw conflict('You cannot remove your own role. Ask another administrator.');
    await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: 'role.revoke',
      entityType: 'account',
      entityId: grant.accountId,
      orgId: grant.orgId,
      unitId: grant.unitId,
      changes: { role: grant.role, grantId: grant.id },
      requestId,
    });
  });
}
