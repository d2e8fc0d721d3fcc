import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { organiserDashboard } from './queries.ts';
import { assertMayTarget, setTarget, targetOf } from './targets.ts';
import { organiserDashboardView, targetView } from './views.ts';

const accountParams = z.strictObject({ accountId: z.union([z.literal('me'), z.string().uuid()]).describe('an account id, or "me"') });

/** The organiser dashboard, and organisers' weekly targets. */
export const organiserDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/organiser/dashboard', {
    config: { rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['organiser'], summary: 'My follow-ups due and overdue, one-to-ones this week against my target, commitments awaiting an answer, my people not spoken with in N days',
      querystring: z.strictObject({ notSpokenDays: z.coerce.number().int().min(1).max(3650).default(30) }),
      response: { 200: organiserDashboardView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'conversations.log')) throw forbidden();
    return organiserDashboard(db, actor, req.query.notSpokenDays);
  });

  app.get('/organiser/targets/:accountId', {
    schema: { tags: ['organiser'], summary: 'An organiser’s weekly one-to-one target (mine, or one whose roles I administer)', params: accountParams, response: { 200: targetView } },
  }, async (req) => {
    const actor = actorOf(req);
    const accountId = req.params.accountId === 'me' ? actor.accountId : req.params.accountId;
    await assertMayTarget(db, actor, accountId);
    return targetOf(db, accountId);
  });

  app.put('/organiser/targets/:accountId', {
    schema: {
      tags: ['organiser'], summary: 'Set an organiser’s weekly one-to-one target (my own, or as an admin of their units)',
      params: accountParams, body: z.strictObject({ oneToOnesPerWeek: z.number().int().min(0).max(500) }), response: { 200: targetView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const accountId = req.params.accountId === 'me' ? actor.accountId : req.params.accountId;
    await assertMayTarget(db, actor, accountId);
    if (accountId === actor.accountId && !canAnywhere(actor, 'conversations.log')) throw forbidden();
    await db.transaction((tx) => setTarget(tx, actor, accountId, req.body.oneToOnesPerWeek, req.id));
    return targetOf(db, accountId);
  });
};
