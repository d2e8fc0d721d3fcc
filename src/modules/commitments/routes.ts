import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { dateOnly } from '../conversations/inputs.ts';
import { assertWorksWithConversations } from '../conversations/policy.ts';
import { markCommitment } from './markCommitment.ts';
import { loadCommitmentToChange } from './policy.ts';
import { commitmentFilterSchema, listCommitments } from './queries.ts';
import { commitmentAnswers, commitmentStatuses } from './schema.ts';
import { commitmentView, presentCommitment } from './views.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const patchBody = z.strictObject({
  status: z.enum(commitmentStatuses).optional().describe('kept or broken (only for a yes or maybe); open to undo'),
  answer: z.enum(commitmentAnswers).optional(),
  dueOn: dateOnly.nullable().optional(),
}).refine((b) => Object.keys(b).length > 0, 'Say what to change.');

/** Commitments: list the ones I may see, and record answers or mark them kept or broken. */
export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/commitments', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: { tags: ['commitments'], summary: 'Commitments I may see, newest first', querystring: z.strictObject({ ...commitmentFilterSchema.shape, ...pageQuery }), response: { 200: pageResponse(commitmentView) } },
  }, async (req) => {
    const actor = actorOf(req);
    assertWorksWithConversations(actor);
    const { limit, cursor, ...filter } = req.query;
    const page = await listCommitments(db, actor, filter, limit, cursor);
    return { items: page.items.map(presentCommitment), nextCursor: page.nextCursor };
  });

  app.patch('/commitments/:id', {
    schema: { tags: ['commitments'], summary: 'Record the answer, or mark a commitment kept or broken (one tap)', params: idParams, body: patchBody, response: { 200: commitmentView } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await db.transaction(async (tx) => markCommitment(tx, actor, await loadCommitmentToChange(tx, actor, req.params.id), req.body, req.id));
    return presentCommitment(row);
  });
};
