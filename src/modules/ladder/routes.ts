import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { can, canAnywhere } from '../accounts/actor.ts';
import { peopleFilterSql } from '../people/filters.ts';
import { canOrgWide, resolveOrg } from '../people/orgScope.ts';
import { loadPersonFor } from '../people/policy.ts';
import { people } from '../people/schema.ts';
import './activity.ts';
import { configureLevels } from './configureLevels.ts';
import { viewOrg } from './viewOrg.ts';
import { configureLevelsBody, manualLevelBody } from './inputs.ts';
import { liveLevels } from './levels.ts';
import { clearManualLevel, setManualLevel } from './manualLevel.ts';
import { personLadderOf, pipelineOf } from './queries.ts';
import { recomputeOrganisation } from './recomputeOrganisation.ts';
import { ladderMetrics } from './rules.ts';
import { levelsView, personLadderView, pipelineView } from './views.ts';

// Above this many people a rule change is recomputed in the background, not inside the request.
const SYNC_RECOMPUTE_LIMIT = 20_000;
const idParams = z.strictObject({ id: z.string().uuid() });
const areaCode = z.string().trim().max(20).optional().describe('ONS code of a ward, constituency, local authority or region');

/** The ladder of engagement: levels, a person's standing and history, manual levels, the pipeline. */
export const ladderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/ladder/levels', {
    schema: {
      tags: ['ladder'], summary: 'The organisation’s ladder: levels lowest first, each with its rule and next-step offer',
      querystring: z.strictObject({ orgId: z.string().uuid().optional() }), response: { 200: levelsView },
    },
  }, async (req) => {
    const orgId = resolveOrg(actorOf(req), ['people.read', 'ladder.configure', 'ladder.manage'], req.query.orgId);
    const levels = await liveLevels(db, orgId);
    return { orgId, levels: levels.map(({ orgId: _o, ...l }) => l), metrics: [...ladderMetrics] };
  });

  app.put('/ladder/levels', {
    schema: {
      tags: ['ladder'],
      summary: 'Replace the ladder (unit or national admins at the organisation’s root): levels lowest first; levels left out are retired; everyone is recomputed',
      body: configureLevelsBody,
      response: { 200: levelsView.extend({ recompute: z.object({ mode: z.enum(['done', 'background']), people: z.number().int(), moved: z.number().int().nullable() }) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const orgId = resolveOrg(actor, ['ladder.configure'], req.body.orgId);
    if (!canOrgWide(actor, 'ladder.configure', orgId)) throw forbidden('Only an admin at the organisation’s root can change its ladder.');
    const { levels } = await db.transaction((tx) => configureLevels(tx, actor, orgId, req.body.levels, req.id));
    const total = await db.$count(people, sql`${people.orgId} = ${orgId} and ${people.deletedAt} is null`);
    let recompute: { mode: 'done' | 'background'; people: number; moved: number | null };
    if (total <= SYNC_RECOMPUTE_LIMIT) {
      const r = await recomputeOrganisation(db, orgId);
      recompute = { mode: 'done', people: r.people, moved: r.moved };
    } else {
      recompute = { mode: 'background', people: total, moved: null };
      void recomputeOrganisation(db, orgId).then(
        (r) => app.log.info({ orgId, ...r }, 'ladder recomputed'),
        (err: unknown) => app.log.error({ err, orgId }, 'ladder recompute failed; run "tredegar ladder recompute"'),
      );
    }
    return { orgId, levels: levels.map(({ orgId: _o, ...l }) => l), metrics: [...ladderMetrics], recompute };
  });

  app.get('/ladder/pipeline', {
    config: { rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['ladder'], summary: 'People per level and movement up and down in the last 30 and 90 days, for a unit or area in my scope',
      querystring: z.strictObject({ unit: z.string().uuid().optional(), area: areaCode, orgId: z.string().uuid().optional() }), response: { 200: pipelineView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'ladder.manage')) throw forbidden();
    const orgId = await viewOrg(db, actor, 'ladder.manage', req.query);
    const where = await peopleFilterSql(db, actor, { unit: req.query.unit, area: req.query.area }, 'ladder.manage');
    return pipelineOf(db, orgId, where);
  });

  app.get('/people/:id/ladder', {
    schema: { tags: ['ladder'], summary: 'A person’s level, the next step to offer them, and every change of level', params: idParams, response: { 200: personLadderView } },
  }, async (req) => {
    const { person } = await loadPersonFor(db, actorOf(req), req.params.id, 'read');
    return personLadderOf(db, person);
  });

  app.post('/people/:id/ladder/override', {
    schema: {
      tags: ['ladder'], summary: 'Put a person on a level by hand, with a reason (holds until their computed level next changes, or until cleared)',
      params: idParams, body: manualLevelBody, response: { 200: personLadderView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.params.id, 'read');
    if (!can(actor, 'ladder.manage', unitPath)) throw forbidden();
    await db.transaction((tx) => setManualLevel(tx, actor, person, req.body.levelId, req.body.reason, req.id));
    return personLadderOf(db, person);
  });

  app.delete('/people/:id/ladder/override', {
    schema: { tags: ['ladder'], summary: 'End a manual level: back to the level their activity earns', params: idParams, response: { 200: personLadderView } },
  }, async (req) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.params.id, 'read');
    if (!can(actor, 'ladder.manage', unitPath)) throw forbidden();
    await db.transaction((tx) => clearManualLevel(tx, actor, person, req.id));
    return personLadderOf(db, person);
  });
};
