import { createApiToken } from '../../src/modules/accounts/createApiToken.ts';
import { accounts, roleGrants, type Role } from '../../src/modules/accounts/schema.ts';
import type { AppContext } from '../../src/server/context.ts';

/** An account with one role on one unit and a bearer token (hashed with `ctx.secret`). */
export async function benchAccount(ctx: Pick<AppContext, 'db' | 'secret'>, unitId: string, role: Role) {
  const email = `${role}.${crypto.randomUUID().slice(0, 8)}@bench.tredegar.local`;
  const [account] = await ctx.db.insert(accounts).values({ email, displayName: `Bench ${role}` }).returning();
  await ctx.db.insert(roleGrants).values({ accountId: account!.id, unitId, role });
  const { token } = await createApiToken(ctx as AppContext, account!.id, 'bench');
  return { accountId: account!.id, token };
}
