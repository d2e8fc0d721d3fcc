import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import type { Actor } from '../accounts/actor.ts';
import { deleteConversation } from './deleteConversation.ts';
import { logConversationBody, updateConversationBody } from './inputs.ts';
import { logConversation } from './logConversation.ts';
import { assertWorksWithConversations, loadConversationFor } from './policy.ts';
import { presentConversations } from './present.ts';
import { conversationFilterSchema, listConversations, readConversations } from './queries.ts';
import { SensitiveReads } from './sensitiveReads.ts';
import { updateConversation } from './updateConversation.ts';
import { conversationView } from './views.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/** One conversation as the actor may see it; `reads` collects special category data for the audit. */
async function presentOne(db: Db, actor: Actor, id: string, reads: SensitiveReads | null) {
  const [found] = await readConversations(db, actor, [id]);
  if (!found) throw notFound('Conversation');
  const [view] = await presentConversations(db, actor, [found], reads);
  if (reads) await reads.flush(db);
  return view!;
}

/** Conversations: log (exactly once with a client id), list, read, change and delete, within the caller's scope. */
export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post('/conversations', {
    schema: {
      tags: ['conversations'],
      summary: 'Log a conversation, with new people, issues raised, notes, assessments, commitments and follow-ups, in one transaction (exactly once with a client id)',
      body: logConversationBody,
      response: { 200: conversationView, 201: conversationView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    assertWorksWithConversations(actor);
    const { id, created } = await logConversation(db, actor, req.body, { requestId: req.id });
    // The first answer only echoes what was sent; a replay is a read like any other.
    const view = await presentOne(db, actor, id, created ? null : new SensitiveReads(actor.accountId, req.id));
    return reply.code(created ? 201 : 200).send(view);
  });

  app.get('/conversations', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['conversations'], summary: 'Conversations I may see, newest first; notes, issues and assessments only where I may read them (audited)',
      querystring: z.strictObject({ ...conversationFilterSchema.shape, ...pageQuery }), response: { 200: pageResponse(conversationView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    assertWorksWithConversations(actor);
    const { limit, cursor, ...filter } = req.query;
    const page = await listConversations(db, actor, filter, limit, cursor);
    const reads = new SensitiveReads(actor.accountId, req.id);
    const items = await presentConversations(db, actor, page.items, reads);
    await reads.flush(db);
    return { items, nextCursor: page.nextCursor };
  });

  app.get('/conversations/:id', {
    schema: { tags: ['conversations'], summary: 'One conversation (notes, issues and assessments only where I may read them; audited)', params: idParams, response: { 200: conversationView } },
  }, async (req) => {
    const actor = actorOf(req);
    return presentOne(db, actor, req.params.id, new SensitiveReads(actor.accountId, req.id));
  });

  app.patch('/conversations/:id', {
    schema: {
      tags: ['conversations'], summary: 'Change a conversation I held (or any in my units with conversations.manage); lists given replace what was there',
      params: idParams, body: updateConversationBody, response: { 200: conversationView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateConversation(tx, actor, await loadConversationFor(tx, actor, req.params.id, 'change', true), req.body, req.id));
    return presentOne(db, actor, req.params.id, new SensitiveReads(actor.accountId, req.id));
  });

  app.delete('/conversations/:id', {
    schema: { tags: ['conversations'], summary: 'Delete a conversation and everything recorded in it (audited)', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => deleteConversation(tx, actor, await loadConversationFor(tx, actor, req.params.id, 'change', true), req.id));
    return reply.code(204).send(null);
  });
};
