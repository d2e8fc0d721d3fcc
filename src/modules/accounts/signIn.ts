import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../server/context.ts';
import { unauthenticated } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { accounts, sessions, signInLinks } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

const LINK_MINUTES = 15;

/** Creates a one-time sign-in link for an account and returns the URL (the caller decides how to deliver it). */
export async function createSignInLink(ctx: AppContext, accountId: string): Promise<string> {
  const token = newToken();
  await ctx.db.insert(signInLinks).values({
    accountId,
    tokenHash: hashToken(ctx.secret, token),
    expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000),
  });
  return `${ctx.config.publicUrl}/sign-in/complete#token=${token}`;
}

/**
 * Emails a sign-in link if the address belongs to an active account. The answer is the same
 * either way so the form cannot be used to find out who has an account.
 */
export async function requestSignIn(ctx: AppContext, email: string): Promise<void> {
  const [account] = await ctx.db
    .select({ id: accounts.id, displayName: accounts.displayName })
    .from(accounts)
    .where(and(eq(accounts.email, email.trim().toLowerCase()), isNull(accounts.disabledAt)));
  if (!account) return;
  const url = await createSignInLink(ctx, account.id);
  await ctx.mailer.send(ctx.db, {
    to: email,
    subject: 'Your Tredegar sign-in link',
    text: `Hello ${account.displayName},\n\nUse this link within ${LINK_MINUTES} minutes to sign in to Tredegar:\n\n${url}\n\nIf you did not ask for it, you can ignore this message.\n`,
  });
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Exchanges a sign-in token for a brand-new session (a new id on every sign-in). */
export async function completeSignIn(ctx: AppContext, token: string, userAgent: string | undefined, requestId: string): Promise<NewSession> {
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .update(signInLinks)
      .set({ usedAt: new Date() })
      .where(and(eq(signInLinks.tokenHash, hashToken(ctx.secret, token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, new Date())))
      .returning({ accountId: signInLinks.accountId });
    if (!link) throw unauthenticated('That sign-in link has expired or was already used. Ask for a new one.');
    const [account] = await tx.select({ disabledAt: accounts.disabledAt }).from(accounts).where(eq(accounts.id, link.accountId));
    if (!account || account.disabledAt) throw unauthenticated('That account is disabled.');
    const sessionToken = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    const [session] = await tx
      .insert(sessions)
      .values({ accountId: link.accountId, tokenHash: hashToken(ctx.secret, sessionToken), csrfToken, userAgent: userAgent?.slice(0, 300), expiresAt })
      .returning({ id: sessions.id });
    await recordAudit(tx, { actorAccountId: link.accountId, action: 'auth.sign_in', entityType: 'session', entityId: session!.id, requestId });
    return { token: sessionToken, csrfToken, expiresAt };
  });
}
