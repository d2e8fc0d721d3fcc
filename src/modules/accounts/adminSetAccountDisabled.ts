import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, forbidden, notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { Actor } from './actor.ts';
import { lockAccount } from './adminGrantRoles.ts';
import { allGrantsOf } from './adminQueries.ts';
import { manageRankAt } from './adminScope.ts';
import { roleRank } from './permissions.ts';
import { accounts, apiTokens, sessions, signInLinks } from './schema.ts';

/**
 * Disables or re-enables an account. Disabling ends every session, API token and unused sign-in
 * link in the same transaction, so nothing issued before it works on the next request; enabling
 * restores sign-in but not the revoked tokens. Accounts are shared across units, so only an
 * admin who could manage every one of the account's roles may do this. Repeating it is a no-op.
 */
export async function adminSetAccountDisabled(db: Db, actor: Actor, accountId: string, disabled: boolean, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    const grants = await allGrantsOf(tx, accountId);
    if (!grants.some((g) => manageRankAt(actor, g.path) >= 0)) throw notFound('Account');
    if (grants.some((g) => roleRank[g.role] > manageRankAt(actor, g.path))) {
      throw forbidden('This account holds roles you cannot manage; an administrator who covers all of them must do this.');
    }
    if (accountId === actor.accountId) throw conflict('You cannot disable or enable your own account.');
    if (!!account.disabledAt === disabled) return;
    const now = new Date();
    await tx.update(accounts).set({ disabledAt: disabled ? now : null }).where(eq(accounts.id, accountId));
    const changes: Record<string, unknown> = { disabled: [!disabled, disabled] };
    if (disabled) {
      const s = await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt))).returning({ id: sessions.id });
      const t = await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
      await tx.update(signInLinks).set({ usedAt: now }).where(and(eq(signInLinks.accountId, accountId), isNull(signInLinks.usedAt)));
      changes['sessionsRevoked'] = s.length;
      changes['tokensRevoked'] = t.length;
    }
    // One row per unit the account holds a role on, so the auditors of each of those units see it.
    const unitsHeld = [...new Map(grants.map((g) => [g.unitId, g])).values()];
    await recordAudit(
      tx,
      unitsHeld.map((g) => ({
        actorAccountId: actor.accountId,
        action: disabled ? 'account.disable' : 'account.enable',
        entityType: 'account',
        entityId: accountId,
        orgId: g.orgId,
        unitId: g.unitId,
        changes,
        requestId,
      })),
    );
  });
}
