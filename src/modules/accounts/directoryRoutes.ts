import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from './actor.ts';
import { listAccountDirectory } from './directoryQueries.ts';
import { directoryPurposes, purposePermission } from './pickableAccounts.ts';

const entryView = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  units: z.array(z.object({ id: z.string().uuid(), name: z.string() })).describe('units inside your scope where the account may do what `can` asks'),
});

/**
 * Colleagues to pick in a form (co-organisers, a follow-up's assignee, a leader's mentor),
 * for anyone who may do the thing they are picked for: no admin role needed, and nothing but
 * names and units.
 */
export const accountDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/accounts/directory', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['accounts'],
      summary: 'Active accounts I may pick as co-organisers or follow-up assignees (can=log) or as a mentor (can=mentor), by name',
      description: 'Lists accounts holding a role that allows logging conversations (can=log) or managing leaders (can=mentor) on a unit inside the units where I hold that permission myself. Needs that permission (conversations.log or ladder.manage); disabled accounts never appear.',
      querystring: z.strictObject({
        can: z.enum(directoryPurposes).default('log').describe('log: may log conversations; mentor: may mentor leaders; facilitate: may manage events (breakout facilitators)'),
        q: z.string().trim().max(100).optional().describe('words of the name, in any order'),
        unit: z.string().uuid().optional().describe('only accounts with such a role in this unit or below it'),
        ...pageQuery,
      }),
      response: { 200: pageResponse(entryView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, purposePermission[req.query.can])) throw forbidden();
    return listAccountDirectory(db, actor, req.query);
  });
};
