import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { units } from '../units/schema.ts';
import type { Actor } from './actor.ts';
import { assertMayManage } from './adminScope.ts';
import { accounts, roleGrants, type Role } from './schema.ts';

export interface GrantRequest {
  unitId: string;
  role: Role;
}

/**
 * Grants roles to an account inside the caller's transaction, after checking every one is
 * within the actor's subtree and rank. Grants the account already holds are left as they are,
 * so a repeated request changes nothing. Returns every requested grant with whether it is new.
 */
export async function adminGrantRoles(tx: Db, actor: Actor, accountId: string, requested: GrantRequest[], requestId?: string) {
  const unitIds = [...new Set(requested.map((g) => g.unitId))];
  const found = await tx.select({ id: units.id, path: units.path, orgId: units.orgId }).from(units).where(inArray(units.id, unitIds));
  const byId = new Map(found.map((u) => [u.id, u]));
  const missing = requested.flatMap((g, i) => (byId.has(g.unitId) ? [] : [{ path: `grants.${i}.unitId`, message: 'No such unit' }]));
  if (missing.length > 0) throw validationFailed('Some units do not exist.', missing);
  for (const g of requested) assertMayManage(actor, byId.get(g.unitId)!.path, g.role);

  const unique = [...new Map(requested.map((g) => [`${g.unitId}:${g.role}`, g])).values()];
  const inserted = await tx
    .insert(roleGrants)
    .values(unique.map((g) => ({ accountId, unitId: g.unitId, role: g.role, grantedBy: actor.accountId })))
    .onConflictDoNothing()
    .returning();
  const existing = inserted.length === unique.length ? [] : await tx
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.accountId, accountId), inArray(roleGrants.unitId, unitIds)));
  await recordAudit(
    tx,
    inserted.map((g) => ({
      actorAccountId: actor.accountId,
      action: 'role.grant',
      entityType: 'account',
      entityId: accountId,
      orgId: byId.get(g.unitId)!.orgId,
      unitId: g.unitId,
      changes: { role: g.role, grantId: g.id },
      requestId,
    })),
  );
  const newIds = new Set(inserted.map((g) => g.id));
  const all = [...inserted, ...existing];
  return unique.map((g) => {
    const row = all.find((r) => r.unitId === g.unitId && r.role === g.role)!;
    return { ...row, orgId: byId.get(row.unitId)!.orgId, isNew: newIds.has(row.id) };
  });
}

/** Locks and returns an account by id, or 404. */
export async function lockAccount(tx: Db, accountId: string) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
  if (!account) throw notFound('Account');
  return account;
}

