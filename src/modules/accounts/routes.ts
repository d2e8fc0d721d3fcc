import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { createApiToken } from './createApiToken.ts';
import { apiTokens, sessions } from './schema.ts';

const tokenView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
const sessionRow = z.object({
  id: z.string().uuid(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
const idParams = z.strictObject({ id: z.string().uuid() });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The signed-in person's own account: sessions and personal API tokens. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/account/sessions', { schema: { tags: ['account'], summary: 'My active sessions', response: { 200: z.object({ items: z.array(sessionRow) }) } } }, async (req) => {
    const actor = actorOf(req);
    const rows = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > now()`))
      .orderBy(desc(sessions.lastSeenAt))
      .limit(100);
    return {
      items: rows.map((s) => ({ id: s.id, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === actor.sessionId })),
    };
  });

  app.delete('/account/sessions/:id', { schema: { tags: ['account'], summary: 'End one of my sessions', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    const actor = actorOf(req);
    const done = await db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, req.params.id), eq(sessions.accountId, actor.accountId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (done.length === 0) throw notFound('Session');
    return reply.code(204).send(null);
  });

  app.get('/account/tokens', { schema: { tags: ['account'], summary: 'My API tokens', response: { 200: z.object({ items: z.array(tokenView) }) } } }, async (req) => {
    const actor = actorOf(req);
    const rows = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.accountId, actor.accountId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt))
      .limit(100);
    return { items: rows.map((t) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt) })) };
  });

  app.post(
    '/account/tokens',
    {
      schema: {
        tags: ['account'],
        summary: 'Create an API token (shown once)',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: tokenView.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const t = await createApiToken(app.ctx, actor.accountId, req.body.name, req.id);
      return reply.code(201).send({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: null, token: t.token });
    },
  );

  app.delete('/account/tokens/:id', { schema: { tags: ['account'], summary: 'Revoke an API token', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const done = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, req.params.id), eq(apiTokens.accountId, actor.accountId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      if (done.length === 0) throw notFound('API token');
      await recordAudit(tx, { actorAccountId: actor.accountId, action: 'token.revoke', entityType: 'api_token', entityId: req.params.id, requestId: req.id });
    });
    return reply.code(204).send(null);
  });
};
