import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../accounts/authenticate.ts';
import { apiTokens, sessions } from '../accounts/schema.ts';
import { hashToken } from '../accounts/tokens.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { DeniedBudget, type SuppressedRefusals } from './deniedBudget.ts';
import { recordAudit, type AuditEntry } from './recordAudit.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

function errorCode(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    return (JSON.parse(payload) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

/**
 * Records every refused request as an `auth.denied` audit row: each 403, and each 401 where the
 * request carried credentials (a bad or revoked token, an expired session, a used sign-in link).
 * A 401 for a request with no credentials at all is just "sign in first" and is not recorded.
 * The row holds the route pattern (never the URL, whose query may name people), the method, the
 * reason and a keyed hash of the client address; nothing from the body. It is written in its own
 * statement because the request's own transaction has already been rolled back.
 *
 * A flood cannot fill the log: each source and reason has a budget of rows a minute
 * (`DENIED_PER_MINUTE`, scaled like the rate limits); beyond it refusals are counted, without
 * touching the database, and the count is written as one `auth.denied_suppressed` row once its
 * minute is over (with the next refusal, or when the server stops).
 */
export const DENIED_PER_MINUTE = 20;

export function registerDeniedAudit(app: FastifyInstance): void {
  const budget = new DeniedBudget(perMinute(app.ctx, DENIED_PER_MINUTE).max);
  const writeSuppressed = async (ended: SuppressedRefusals[]) => {
    if (ended.length > 0) await recordAudit(app.ctx.db, ended.map(suppressedEntry));
  };
  app.addHook('onClose', async () => {
    await writeSuppressed(budget.drain()).catch((err: Error) => app.log.error({ err: err.message }, 'could not record suppressed refusals'));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const status = reply.statusCode;
    if ((status !== 401 && status !== 403) || !req.url.startsWith('/api/')) return payload;
    const bearer = req.headers.authorization;
    const cookie = req.cookies?.[SESSION_COOKIE];
    const isPublic = req.routeOptions.config?.public === true;
    if (status === 401 && bearer === undefined && !cookie && !isPublic) return payload;
    const code = errorCode(payload) ?? (status === 401 ? 'unauthenticated' : 'forbidden');
    const reason = status === 403 ? code : bearer !== undefined ? 'token_invalid' : cookie ? 'session_invalid' : 'credential_invalid';
    const source = createHmac('sha256', app.ctx.secret).update(req.ip).digest('base64url').slice(0, 16);
    const { record, ended } = budget.take(`${source} ${reason}`);
    try {
      await writeSuppressed(ended);
      if (!record) return payload;
      await recordAudit(app.ctx.db, {
        actorAccountId: req.actor?.accountId ?? (await accountOfCredential(app, bearer, cookie)),
        action: 'auth.denied',
        entityType: 'route',
        entityId: `${req.method} ${req.routeOptions.url ?? 'unknown'}`,
        changes: {
          method: req.method,
          route: req.routeOptions.url ?? null,
          status,
          reason,
          via: bearer !== undefined ? 'token' : cookie ? 'session' : null,
          source,
        },
        requestId: req.id,
      });
    } catch (err) {
      // A failure to record must not turn a clean refusal into a server error.
      req.log.error({ err: (err as Error).message }, 'could not record a refused request');
    }
    return payload;
  });
}

/** One row for the refusals of one source and reason that a minute's budget did not record. */
function suppressedEntry(s: SuppressedRefusals): AuditEntry {
  const [source, reason] = s.key.includes(' ') ? s.key.split(' ') : [null, null];
  return {
    actorAccountId: null,
    action: 'auth.denied_suppressed',
    entityType: 'route',
    entityId: null,
    changes: { source, reason, count: s.count, from: s.from.toISOString(), to: s.to.toISOString() },
  };
}

/**
 * The account a rejected credential belongs to, if any, whether it was revoked, expired or
 * valid but refused: a revoked token still in use is exactly what an auditor wants to see.
 */
async function accountOfCredential(app: FastifyInstance, bearer: string | undefined, cookie: string | undefined): Promise<string | null> {
  const { db, secret } = app.ctx;
  const token = bearer !== undefined ? BEARER.exec(bearer)?.[1] : undefined;
  if (token) {
    const [row] = await db.select({ accountId: apiTokens.accountId }).from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(secret, token)));
    return row?.accountId ?? null;
  }
  if (cookie && bearer === undefined) {
    const [row] = await db.select({ accountId: sessions.accountId }).from(sessions).where(eq(sessions.tokenHash, hashToken(secret, cookie)));
    return row?.accountId ?? null;
  }
  return null;
}
