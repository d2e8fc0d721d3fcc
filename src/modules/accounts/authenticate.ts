import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../../server/errors.ts';
import { loadGrants, type Actor } from './actor.ts';
import { accounts, apiTokens, sessions } from './schema.ts';
import { hashToken, safeEqual } from './tokens.ts';

export const SESSION_COOKIE = 'tredegar_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writing last-seen on every request would turn reads into writes; a minute is precise enough.
const TOUCH_AFTER_MS = 60_000;

/**
 * Resolves the caller from a bearer token or the session cookie on every /api request, with
 * grants read fresh each time so that a removed role stops working on the next request.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    req.actor = await resolveActor(app, req);
    const isPublic = req.routeOptions.config?.public === true;
    if (!req.actor && !isPublic && req.routeOptions.url) throw unauthenticated();
  });
}

async function resolveActor(app: FastifyInstance, req: FastifyRequest): Promise<Actor | null> {
  const { db, secret, config } = app.ctx;
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const [row] = await db
      .select({ id: apiTokens.id, accountId: apiTokens.accountId, lastUsedAt: apiTokens.lastUsedAt, email: accounts.email, displayName: accounts.displayName })
      .from(apiTokens)
      .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
      .where(and(eq(apiTokens.tokenHash, hashToken(secret, match[1]!)), isNull(apiTokens.revokedAt), isNull(accounts.disabledAt)));
    if (!row) throw unauthenticated('That API token is not valid or has been revoked.');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
    }
    return { accountId: row.accountId, email: row.email, displayName: row.displayName, grants: await loadGrants(db, row.accountId), via: 'token' };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const [row] = await db
    .select({ id: sessions.id, accountId: sessions.accountId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, email: accounts.email, displayName: accounts.displayName })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(secret, cookie)),
        isNull(sessions.revokedAt),
        isNull(accounts.disabledAt),
        sql`${sessions.expiresAt} > now()`,
        sql`${sessions.lastSeenAt} > now() - make_interval(secs => ${idleMs / 1000})`,
      ),
    );
  if (!row) return null;
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, row.csrfToken)) {
      throw new AppError(403, 'csrf_failed', 'The request is missing its CSRF token. Reload the page and try again.');
    }
  }
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.id));
  }
  return { accountId: row.accountId, email: row.email, displayName: row.displayName, grants: await loadGrants(db, row.accountId), via: 'session', sessionId: row.id };
}
