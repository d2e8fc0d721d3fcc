import { eq } from 'drizzle-orm';
import type { AppContext } from '../../server/context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { Actor } from './actor.ts';
import { adminGrantRoles, lockAccount, type GrantRequest } from './adminGrantRoles.ts';
import { sendAccountInvitation } from './adminInvitation.ts';
import { accounts } from './schema.ts';

export interface AdminCreateAccountInput {
  email: string;
  displayName: string;
  grants: GrantRequest[];
  sendInvitation?: boolean;
}

/**
 * Creates an account with roles, or adds the roles to the account that already uses that
 * email (its name is left as its owner set it). Email is the natural key, so repeating the
 * request creates nothing new. The invitation is sent after the commit, and only when the
 * request changed something for an account that can sign in.
 */
export async function adminCreateAccount(ctx: AppContext, actor: Actor, input: AdminCreateAccountInput, requestId?: string) {
  const email = input.email.trim().toLowerCase();
  const result = await ctx.db.transaction(async (tx) => {
    const [created] = await tx.insert(accounts).values({ email, displayName: input.displayName.trim() }).onConflictDoNothing().returning();
    const [found] = created ? [created] : await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    const account = await lockAccount(tx, found!.id);
    const grants = await adminGrantRoles(tx, actor, account.id, input.grants, requestId);
    if (created) {
      const first = grants[0]!;
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: 'account.create',
        entityType: 'account',
        entityId: account.id,
        orgId: first.orgId,
        unitId: first.unitId,
        changes: { email, displayName: account.displayName },
        requestId,
      });
    }
    return { account, created: !!created, grants };
  });
  const changed = result.created || result.grants.some((g) => g.isNew);
  let invited = false;
  if (input.sendInvitation && changed && !result.account.disabledAt) {
    await sendAccountInvitation(ctx, actor, { accountId: result.account.id, email, displayName: result.account.displayName, grants: result.grants }, requestId);
    invited = true;
  }
  return { accountId: result.account.id, created: result.created, invited };
}
