import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import type { Actor } from '../accounts/actor.ts';
import { createAction, evaluateAction, updateAction } from './actionCommands.ts';
import { actionListQuery, createActionBody, evaluationBody, updateActionBody } from './actionInputs.ts';
import { listActions, readAction } from './actionQueries.ts';
import { actionSummaryView, actionView } from './actionViews.ts';
import { loadCampaignFor } from './policy.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const actionParams = z.strictObject({ id: z.string().uuid(), actionId: z.string().uuid() });

/** A campaign's public actions: plan, record turnout and the target's response, evaluate. */
export const campaignActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const ctx = app.ctx;
  const actionOf = async (actor: Actor, campaignId: string, actionId: string) => {
    const v = await readAction(db, actor, campaignId, actionId);
    if (!v) throw notFound('Action');
    return v;
  };

  app.get('/campaigns/:id/actions', {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['campaigns'], summary: 'The campaign’s actions, latest day first, with turnout against the goal',
      params: idParams, querystring: actionListQuery, response: { 200: pageResponse(actionSummaryView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadCampaignFor(db, actor, req.params.id, 'read');
    const { limit, cursor, ...f } = req.query;
    return listActions(db, actor, req.params.id, f, limit, cursor);
  });

  app.post('/campaigns/:id/actions', {
    schema: {
      tags: ['campaigns'],
      summary: 'Plan an action: an event of kind “action” in the campaign’s unit or below (optional), a target from its power map (optional), asks and a turnout goal',
      params: idParams, body: createActionBody, response: { 201: actionView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await db.transaction(async (tx) => createAction(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return reply.code(201).send(await actionOf(actor, req.params.id, id));
  });

  app.get('/campaigns/:id/actions/:actionId', {
    schema: { tags: ['campaigns'], summary: 'One action, with the target’s response and the evaluation', params: actionParams, response: { 200: actionView } },
  }, async (req) => {
    const actor = actorOf(req);
    await loadCampaignFor(db, actor, req.params.id, 'read');
    return actionOf(actor, req.params.id, req.params.actionId);
  });

  app.patch('/campaigns/:id/actions/:actionId', {
    schema: {
      tags: ['campaigns'], summary: 'Edit an action: its details, status, turnout (from its day on) and the target’s response; an evaluated action stays done (409)',
      params: actionParams, body: updateActionBody, response: { 200: actionView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateAction(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actionId, req.body, req.id));
    return actionOf(actor, req.params.id, req.params.actionId);
  });

  app.put('/campaigns/:id/actions/:actionId/evaluation', {
    schema: {
      tags: ['campaigns'],
      summary: 'Write the evaluation of a done action (409 before): what went well, what to improve, and the leaders who stepped up (people of the campaign’s unit or below; they count on the ladder)',
      params: actionParams, body: evaluationBody, response: { 200: actionView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => evaluateAction(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actionId, req.body, req.id));
    return actionOf(actor, req.params.id, req.params.actionId);
  });
};
