import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { can, canAnywhere } from '../accounts/actor.ts';
import { SensitiveReads } from '../conversations/sensitiveReads.ts';
import { viewOrg } from '../ladder/viewOrg.ts';
import { peopleFilterSql } from '../people/filters.ts';
import { loadPersonFor } from '../people/policy.ts';
import { developLeader, endDevelopment } from './developLeader.ts';
import { listDevelopment } from './development.ts';
import { listLeaders } from './queries.ts';
import { developmentView, LEADER_WEIGHTS, leadersPage } from './views.ts';

const scopeQuery = {
  unit: z.string().uuid().optional().describe('this unit and every unit below it'),
  area: z.string().trim().max(20).optional().describe('ONS code of a ward, constituency, local authority or region'),
  orgId: z.string().uuid().optional().describe('needed only when you work in more than one organisation and give no unit'),
};
const personParams = z.strictObject({ personId: z.string().uuid() });

/** Finding leaders: a ranked list with reasons, and leaders in development with their mentors. */
export const leaderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/leaders', {
    config: { rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['leaders'],
      summary: 'Potential leaders in a unit or area, ranked by an explainable score with the reasons shown (assessments only where I may read them; audited)',
      querystring: z.strictObject({ ...scopeQuery, days: z.coerce.number().int().min(7).max(3650).default(365).describe('activity window'), ...pageQuery }),
      response: { 200: leadersPage },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'ladder.manage')) throw forbidden();
    const { unit, area, orgId: asked, days, limit, cursor } = req.query;
    const orgId = await viewOrg(db, actor, 'ladder.manage', { unit, orgId: asked });
    const where = await peopleFilterSql(db, actor, { unit, area }, 'ladder.manage');
    const reads = new SensitiveReads(actor.accountId, req.id);
    const page = await listLeaders(db, actor, orgId, where, days, limit, cursor, reads);
    await reads.flush(db);
    return { windowDays: days, weights: { ...LEADER_WEIGHTS }, ...page };
  });

  app.get('/leaders/development', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['leaders'], summary: 'Leaders in development in a unit or area, with their mentors, newest first',
      querystring: z.strictObject({ ...scopeQuery, mentor: z.union([z.literal('me'), z.string().uuid()]).optional(), ...pageQuery }),
      response: { 200: z.object({ items: z.array(developmentView), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'ladder.manage')) throw forbidden();
    const { unit, area, orgId: asked, mentor, limit, cursor } = req.query;
    const orgId = await viewOrg(db, actor, 'ladder.manage', { unit, orgId: asked });
    const where = await peopleFilterSql(db, actor, { unit, area }, 'ladder.manage');
    return listDevelopment(db, orgId, where, { mentor: mentor === 'me' ? actor.accountId : mentor }, limit, cursor);
  });

  app.post('/leaders/:personId/develop', {
    schema: {
      tags: ['leaders'], summary: 'Mark a person as a leader in development with a mentoring organiser (again with another mentor: hands them over)',
      params: personParams,
      body: z.strictObject({ mentorAccountId: z.string().uuid(), note: z.string().trim().max(2000).nullable().optional() }),
      response: { 200: developmentView, 201: developmentView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.params.personId, 'read');
    if (!can(actor, 'ladder.manage', unitPath)) throw forbidden();
    const { id, opened } = await db.transaction((tx) => developLeader(tx, actor, person, req.body, req.id));
    const where = await peopleFilterSql(db, actor, {}, 'ladder.manage');
    const [view] = (await listDevelopment(db, person.orgId, where, { id }, 1)).items;
    if (!view) throw notFound('Leader development');
    return reply.code(opened ? 201 : 200).send(view);
  });

  app.delete('/leaders/:personId/develop', {
    schema: { tags: ['leaders'], summary: 'End a person’s development as a leader', params: personParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.params.personId, 'read');
    if (!can(actor, 'ladder.manage', unitPath)) throw forbidden();
    await db.transaction((tx) => endDevelopment(tx, actor, person, req.id));
    return reply.code(204).send(null);
  });
};
