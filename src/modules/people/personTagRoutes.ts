import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { validationFailed } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { resolveTagSlugs } from '../tags/queries.ts';
import { bulkTagPeople } from './bulkTagPeople.ts';
import { peopleFilterSchema } from './filters.ts';
import { tagSlugs } from './inputs.ts';
import { resolveOrg } from './orgScope.ts';
import { assertMayAnywhere, lockPersonFor } from './policy.ts';
import { personTags, tags } from './schema.ts';
import { setPersonTags } from './setPersonTags.ts';
import { tagRef } from './views.ts';

const bulkBody = z.strictObject({
  orgId: z.string().uuid().optional().describe('needed only when you work in more than one organisation'),
  filter: peopleFilterSchema,
  add: tagSlugs.default([]),
  remove: tagSlugs.default([]),
});

/** Tagging people: set one person's tags, or add/remove tags on everyone matching a filter. */
export const personTagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.put('/people/:id/tags', {
    schema: {
      tags: ['people'], summary: 'Set a person’s tags (by slug; unknown slugs are refused)',
      params: z.strictObject({ id: z.string().uuid() }), body: z.strictObject({ tags: tagSlugs }), response: { 200: z.object({ tags: z.array(tagRef) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction(async (tx) => {
      const { person } = await lockPersonFor(tx, actor, req.params.id, 'update');
      await setPersonTags(tx, person, req.body.tags, { actorAccountId: actor.accountId, requestId: req.id });
      const now = await tx.select({ slug: tags.slug, name: tags.name }).from(personTags).innerJoin(tags, eq(tags.id, personTags.tagId)).where(eq(personTags.personId, person.id)).orderBy(asc(tags.name), asc(tags.slug));
      return { tags: now };
    });
  });

  app.post('/people/bulk-tag', {
    config: { rateLimit: perMinute(app.ctx, 30) },
    schema: {
      tags: ['people'], summary: 'Add or remove tags on everyone matching a filter whom I may update',
      body: bulkBody, response: { 200: z.object({ matched: z.number().int(), added: z.number().int(), removed: z.number().int() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    assertMayAnywhere(actor, 'update');
    const orgId = resolveOrg(actor, ['people.update'], req.body.orgId);
    const { add, remove, filter } = req.body;
    if (add.length + remove.length === 0) throw validationFailed('Nothing to do.', [{ path: 'add', message: 'Give tags to add or to remove.' }]);
    const resolved = await resolveTagSlugs(db, orgId, [...add, ...remove]);
    if (resolved.unknown.length > 0) throw validationFailed('Unknown tags.', resolved.unknown.map((s) => ({ path: 'tags', message: `Unknown tag "${s}".` })));
    const ids = (slugs: string[]) => [...new Set(slugs.map((s) => resolved.ids.get(s.trim())!))];
    const [addIds, removeIds] = [ids(add), ids(remove)];
    if (addIds.some((id) => removeIds.includes(id))) throw validationFailed('A tag cannot be added and removed at once.', [{ path: 'remove', message: 'A tag is in both add and remove.' }]);
    return db.transaction((tx) => bulkTagPeople(tx, actor, {
      orgId, filter, add: { ids: addIds, slugs: add }, remove: { ids: removeIds, slugs: remove }, actorAccountId: actor.accountId, requestId: req.id,
    }));
  });
};
