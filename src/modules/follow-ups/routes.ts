import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { can } from '../accounts/actor.ts';
import { dateOnly } from '../conversations/inputs.ts';
import { assertWorksWithConversations } from '../conversations/policy.ts';
import { accountNames } from '../conversations/present.ts';
import { loadPersonFor } from '../people/policy.ts';
import { createFollowUp, updateFollowUp } from './followUpCommands.ts';
import { loadFollowUpToChange } from './policy.ts';
import { followUpFilterSchema, listFollowUps } from './queries.ts';
import { followUpView, presentFollowUp } from './views.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const reason = z.string().trim().max(1000);

/** Follow-ups: mine due and overdue, add one for a person, mark done or move. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/follow-ups', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: { tags: ['follow-ups'], summary: 'Follow-ups I may see, soonest due first (assignee=me&due=overdue for my overdue ones)', querystring: z.strictObject({ ...followUpFilterSchema.shape, ...pageQuery }), response: { 200: pageResponse(followUpView) } },
  }, async (req) => {
    const actor = actorOf(req);
    assertWorksWithConversations(actor);
    const { limit, cursor, ...filter } = req.query;
    const page = await listFollowUps(db, actor, filter, limit, cursor);
    const names = await accountNames(db, page.items.map((f) => f.assigneeAccountId));
    return { items: page.items.map((f) => presentFollowUp(f, names)), nextCursor: page.nextCursor };
  });

  app.post('/follow-ups', {
    schema: {
      tags: ['follow-ups'], summary: 'Add a follow-up for a person (outside a conversation)',
      body: z.strictObject({ personId: z.string().uuid(), assigneeAccountId: z.string().uuid().optional().describe('default: me'), dueOn: dateOnly, reason: reason.default('') }),
      response: { 201: followUpView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.body.personId, 'read');
    if (!can(actor, 'conversations.log', unitPath)) throw forbidden();
    const row = await createFollowUp(db, actor, person, req.body, req.id);
    return reply.code(201).send(presentFollowUp(row, await accountNames(db, [row.assigneeAccountId])));
  });

  app.patch('/follow-ups/:id', {
    schema: {
      tags: ['follow-ups'], summary: 'Mark a follow-up done (or not), or change its date, assignee or reason',
      params: idParams,
      body: z.strictObject({ done: z.boolean().optional(), dueOn: dateOnly.optional(), assigneeAccountId: z.string().uuid().optional(), reason: reason.optional() })
        .refine((b) => Object.keys(b).length > 0, 'Say what to change.'),
      response: { 200: followUpView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await db.transaction(async (tx) => updateFollowUp(tx, actor, await loadFollowUpToChange(tx, actor, req.params.id), req.body, req.id));
    return presentFollowUp(row, await accountNames(db, [row.assigneeAccountId]));
  });
};
