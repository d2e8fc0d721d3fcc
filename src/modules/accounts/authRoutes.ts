import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { rolePermissions } from './permissions.ts';
import { roles, sessions } from './schema.ts';
import { completeSignIn, requestSignIn } from './signIn.ts';


const sessionView = z.object({
  signedIn: z.boolean(),
  account: z.object({ id: z.string().uuid(), email: z.string(), displayName: z.string() }).nullable(),
  grants: z.array(
    z.object({ unitId: z.string().uuid(), orgId: z.string().uuid(), role: z.enum(roles), permissions: z.array(z.string()) }),
  ),
  csrfToken: z.string().nullable(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const signInLimit = perMinute(app.ctx, 5);
  const secure = app.ctx.config.publicUrl.startsWith('https://');
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });

  app.post(
    '/auth/sign-in',
    {
      config: { public: true, rateLimit: signInLimit },
      schema: {
        tags: ['auth'],
        summary: 'Email a one-time sign-in link',
        body: z.strictObject({ email: z.string().trim().email().max(320) }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      await requestSignIn(app.ctx, req.body.email);
      return reply.code(202).send({ message: 'If that address has an account, a sign-in link is on its way.' });
    },
  );

  app.post(
    '/auth/complete',
    {
      config: { public: true, rateLimit: perMinute(app.ctx, 10) },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a sign-in link token for a session cookie',
        body: z.strictObject({ token: z.string().min(20).max(200) }),
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const session = await completeSignIn(app.ctx, req.body.token, req.headers['user-agent'], req.id);
      setCookie(reply, session.token, session.expiresAt);
      return { csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/auth/session',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: sessionView } } },
    async (req) => {
      const actor = req.actor;
      if (!actor) return { signedIn: false, account: null, grants: [], csrfToken: null };
      let csrfToken: string | null = null;
      if (actor.sessionId) {
        const [s] = await app.ctx.db.select({ csrf: sessions.csrfToken }).from(sessions).where(eq(sessions.id, actor.sessionId));
        csrfToken = s?.csrf ?? null;
      }
      return {
        signedIn: true,
        account: { id: actor.accountId, email: actor.email, displayName: actor.displayName },
        grants: actor.grants.map((g) => ({ unitId: g.unitId, orgId: g.orgId, role: g.role, permissions: [...rolePermissions[g.role]] })),
        csrfToken,
      };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.sessionId) await app.ctx.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, actor.sessionId));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    { schema: { tags: ['auth'], summary: 'End every session of this account', response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await app.ctx.db.transaction(async (tx) => {
        await tx.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.revokedAt)));
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'auth.sign_out_everywhere', entityType: 'account', entityId: actor.accountId, requestId: req.id });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};
