import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canOrgWide, orgsWith, resolveOrg } from '../people/orgScope.ts';
import { taxonomyReaders } from '../issues/policy.ts';
import { createScaleBody, updateScaleBody } from './inputs.ts';
import { findScale, listScales } from './queries.ts';
import { createScale, updateScale } from './scaleCommands.ts';
import { presentScale, scaleView } from './views.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

// Scales change how every unit's assessments read, so only admins at the organisation's root change them.
function assertManagesScales(actor: Actor, orgId: string): void {
  if (!canOrgWide(actor, 'scales.manage', orgId)) throw forbidden('Only an administrator of the whole organisation can change its scales.');
}

/** Assessment scales: everyone who logs or reads conversations sees them; organisation-wide admins change them. */
export const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/scales', {
    schema: {
      tags: ['scales'], summary: 'My organisation’s assessment scales in display order',
      querystring: z.strictObject({ orgId: z.string().uuid().optional(), archived: z.enum(['true', 'false']).default('false').describe('include archived scales') }),
      response: { 200: z.object({ items: z.array(scaleView) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const org = resolveOrg(actor, taxonomyReaders, req.query.orgId);
    return { items: (await listScales(db, org, req.query.archived === 'true')).map(presentScale) };
  });

  app.post('/scales', {
    schema: { tags: ['scales'], summary: 'Add an assessment scale (administrators of the whole organisation)', body: createScaleBody, response: { 201: scaleView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { orgId, ...input } = req.body;
    const org = resolveOrg(actor, ['scales.manage'], orgId);
    assertManagesScales(actor, org);
    return reply.code(201).send(presentScale(await createScale(db, org, input, { accountId: actor.accountId, requestId: req.id })));
  });

  app.patch('/scales/:id', {
    schema: { tags: ['scales'], summary: 'Change, archive or restore an assessment scale (administrators of the whole organisation)', params: idParams, body: updateScaleBody, response: { 200: scaleView } },
  }, async (req) => {
    const actor = actorOf(req);
    const scale = await db.transaction(async (tx) => {
      const found = await findScale(tx, req.params.id, orgsWith(actor, taxonomyReaders));
      if (!found) throw notFound('Scale');
      assertManagesScales(actor, found.orgId);
      return updateScale(tx, found, req.body, { accountId: actor.accountId, requestId: req.id });
    });
    return presentScale(scale);
  });
};
