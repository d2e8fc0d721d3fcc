import type { AppContext } from '../../server/context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { apiTokens } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

const PREFIX = 'tdg_';

/** Creates a personal API token; the plain token is returned once and never stored. */
export async function createApiToken(ctx: AppContext, accountId: string, name: string, requestId?: string) {
  const token = newToken(PREFIX);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ accountId, name, prefix: token.slice(0, PREFIX.length + 6), tokenHash: hashToken(ctx.secret, token) })
      .returning();
    await recordAudit(tx, { actorAccountId: accountId, action: 'token.create', entityType: 'api_token', entityId: row!.id, requestId });
    return { ...row!, token };
  });
}
