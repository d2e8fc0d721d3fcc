import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { pageQuery } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { presentPeople, presentPerson } from '../people/present.ts';
import { personDetailView, personSummaryView } from '../people/views.ts';
import { mergeBody, mergePeople } from './mergePeople.ts';
import { duplicateReasons, findDuplicateGroups } from './queries.ts';

const groupView = z.object({
  reason: z.enum(duplicateReasons).describe('same email, same phone, or same name and postcode'),
  strength: z.enum(['strong', 'suggestion']),
  key: z.string().describe('the shared email, phone (E.164) or "first last, postcode"'),
  people: z.array(personSummaryView),
});

/** Likely duplicates in my scope, and merging them. Both need people.merge. */
export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/people/duplicates',
    {
      config: { rateLimit: perMinute(app.ctx, 60) },
      schema: {
        tags: ['people'],
        summary: 'Groups of people who are probably the same person, among those I may merge',
        querystring: z.strictObject({ unit: z.string().uuid().optional().describe('only people in this unit and below'), ...pageQuery }),
        response: { 200: z.object({ items: z.array(groupView), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canAnywhere(actor, 'people.merge')) throw forbidden();
      const page = await findDuplicateGroups(db, actor, { unit: req.query.unit, limit: Math.min(req.query.limit, 100), cursor: req.query.cursor });
      const ids = [...new Set(page.items.flatMap((g) => g.personIds))];
      const rows = ids.length > 0 ? await db.query.people.findMany({ where: (p, { inArray }) => inArray(p.id, ids) }) : [];
      const shown = new Map((await presentPeople(db, rows)).map((p) => [p.id, p]));
      return {
        items: page.items.map((g) => ({
          reason: g.reason,
          strength: g.reason === 'name_postcode' ? ('suggestion' as const) : ('strong' as const),
          key: g.key,
          people: g.personIds.map((id) => shown.get(id)).filter((p) => p !== undefined),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/people/merge',
    {
      schema: {
        tags: ['people'],
        summary: 'Merge people into one survivor; the others are deleted with a pointer to it',
        body: mergeBody,
        response: { 200: z.object({ survivor: personDetailView, mergedIds: z.array(z.string().uuid()) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canAnywhere(actor, 'people.merge')) throw forbidden();
      const { survivor, mergedIds } = await mergePeople(db, actor, req.body, req.id);
      return { survivor: await presentPerson(db, survivor), mergedIds };
    },
  );
};
