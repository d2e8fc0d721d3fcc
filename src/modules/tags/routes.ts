import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf, pageQuery, pageResponse } from '../../server/pagination.ts';
import { resolveOrg } from '../people/orgScope.ts';
import { loadTagToManage, TAG_READERS } from './policy.ts';
import { listTags } from './queries.ts';
import { createTag, deleteTag, renameTag } from './tagCommands.ts';

const tagView = z.object({ id: z.string().uuid(), slug: z.string(), name: z.string(), count: z.number().int() });
const tagName = z.string().trim().min(1).max(60);
const orgId = z.string().uuid().optional().describe('needed only when you work in more than one organisation');
const idParams = z.strictObject({ id: z.string().uuid() });
const UUID = /^[0-9a-f-]{36}$/i;

/** Organisation-wide tags: anyone who reads people sees them; `tags.manage` changes them. */
export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/tags', {
    schema: {
      tags: ['tags'], summary: 'My organisation’s tags by name, with how many people I can see have each',
      querystring: z.strictObject({ orgId, q: z.string().trim().max(60).optional(), ...pageQuery }), response: { 200: pageResponse(tagView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const org = resolveOrg(actor, TAG_READERS, req.query.orgId);
    const after = decodeCursor(req.query.cursor, 2) as [string, string] | null;
    if (after && (typeof after[0] !== 'string' || after[0].includes('\u0000') || typeof after[1] !== 'string' || !UUID.test(after[1]))) throw badRequest('The cursor is not valid; start again from the first page.');
    const rows = await listTags(db, actor, org, { q: req.query.q, limit: req.query.limit, after });
    return pageOf(rows, req.query.limit, (t) => [t.name, t.id]);
  });

  app.post('/tags', {
    schema: { tags: ['tags'], summary: 'Create a tag (its slug comes from the name)', body: z.strictObject({ orgId, name: tagName }), response: { 201: tagView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const org = resolveOrg(actor, ['tags.manage'], req.body.orgId);
    const tag = await db.transaction((tx) => createTag(tx, org, req.body.name, { actorAccountId: actor.accountId, requestId: req.id }));
    return reply.code(201).send({ id: tag.id, slug: tag.slug, name: tag.name, count: 0 });
  });

  app.patch('/tags/:id', {
    schema: { tags: ['tags'], summary: 'Rename a tag (the slug follows the name)', params: idParams, body: z.strictObject({ name: tagName }), response: { 200: tagView.omit({ count: true }) } },
  }, async (req) => {
    const actor = actorOf(req);
    const tag = await db.transaction(async (tx) => renameTag(tx, await loadTagToManage(tx, actor, req.params.id), req.body.name, { actorAccountId: actor.accountId, requestId: req.id }));
    return { id: tag.id, slug: tag.slug, name: tag.name };
  });

  app.delete('/tags/:id', {
    schema: { tags: ['tags'], summary: 'Delete a tag, taking it off everyone', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => deleteTag(tx, await loadTagToManage(tx, actor, req.params.id), { actorAccountId: actor.accountId, requestId: req.id }));
    return reply.code(204).send(null);
  });
};
