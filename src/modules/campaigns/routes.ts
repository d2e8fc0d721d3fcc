import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { can, canAnywhere, type Actor } from '../accounts/actor.ts';
import { campaignActionRoutes } from './actionRoutes.ts';
import { structureTestRoutes } from './structureTestRoutes.ts';
import { changePhase } from './changePhase.ts';
import { createCampaign } from './createCampaign.ts';
import { listeningEvidence } from './evidence.ts';
import {
  actorContactBody, actorLinkBody, createActorBody, createCampaignBody, createWinBody, phaseMoveBody, teamMemberBody, updateActorBody, updateCampaignBody, updateWinBody, winsPageBody,
} from './inputs.ts';
import { loadCampaignFor, loadUnitForCampaigns } from './policy.ts';
import { addActor, addLink, removeActor, removeContact, removeLink, setContact, updateActor } from './powerMapCommands.ts';
import { campaignSummaryView, campaignView, evidenceView, powerMapView, winsPageView, winView } from './present.ts';
import { listCampaigns, listWins, readCampaign, readPowerMap } from './queries.ts';
import { campaignPhases, winsPages } from './schema.ts';
import { removeTeamMember, setTeamMember } from './teamCommands.ts';
import { logWin, removeWin, setWinsPagePublic, updateWin } from './winCommands.ts';
import { updateCampaign } from './updateCampaign.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const personParams = z.strictObject({ id: z.string().uuid(), personId: z.string().uuid() });
const actorParams = z.strictObject({ id: z.string().uuid(), actorId: z.string().uuid() });
const contactParams = z.strictObject({ id: z.string().uuid(), actorId: z.string().uuid(), personId: z.string().uuid() });
const linkParams = z.strictObject({ id: z.string().uuid(), linkId: z.string().uuid() });
const winParams = z.strictObject({ id: z.string().uuid(), winId: z.string().uuid() });
const unitParams = z.strictObject({ unitId: z.string().uuid() });
const ok = z.object({ ok: z.literal(true) });

/** Campaigns through the organising cycle, their teams, power maps, listening evidence and wins. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx;
  const ctx = app.ctx;
  const view = async (actor: Actor, id: string) => {
    const v = await readCampaign(db, actor, id);
    if (!v) throw notFound('Campaign');
    return v;
  };
  const mapOf = async (actor: Actor, id: string) => {
    const loaded = await loadCampaignFor(db, actor, id, 'read');
    return { campaignId: id, canManage: can(actor, 'campaigns.manage', loaded.unitPath), ...(await readPowerMap(db, actor, id)) };
  };
  const needRead = (actor: Actor) => {
    if (!canAnywhere(actor, 'campaigns.read')) throw forbidden();
  };

  app.get('/campaigns', {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['campaigns'], summary: 'Campaigns of my units and the units below them, newest first',
      querystring: z.strictObject({
        unit: z.string().uuid().optional().describe('this unit and the units below it'),
        phase: z.enum(campaignPhases).optional(),
        issue: z.string().uuid().optional(),
        q: z.string().trim().max(100).optional().describe('words in the title'),
        ...pageQuery,
      }),
      response: { 200: pageResponse(campaignSummaryView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    needRead(actor);
    const { limit, cursor, ...f } = req.query;
    return listCampaigns(db, actor, f, limit, cursor);
  });

  app.post('/campaigns', {
    schema: { tags: ['campaigns'], summary: 'Start a campaign in a unit (needs campaigns.manage there)', body: createCampaignBody, response: { 201: campaignView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'campaigns.manage')) throw forbidden();
    const id = await createCampaign(db, actor, req.body, req.id);
    return reply.code(201).send(await view(actor, id));
  });

  app.get('/campaigns/wins', {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['campaigns'], summary: 'Wins of campaigns I may see, newest first',
      querystring: z.strictObject({
        unit: z.string().uuid().optional(),
        below: z.enum(['true', 'false']).default('true').describe('with unit: include the units below it (default) or only the unit’s own wins, as its public page shows them'),
        campaign: z.string().uuid().optional(),
        ...pageQuery,
      }),
      response: { 200: pageResponse(winView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    needRead(actor);
    const { limit, cursor, below, ...f } = req.query;
    return listWins(db, actor, { ...f, below: below === 'true' }, limit, cursor);
  });

  const pageOfUnit = async (actor: Actor, unitId: string) => {
    const unit = await loadUnitForCampaigns(db, actor, unitId, 'read', 'unitId').catch(() => { throw notFound('Unit'); });
    const [page] = await db.select({ isPublic: winsPages.isPublic }).from(winsPages).where(eq(winsPages.unitId, unitId));
    return { unit, view: { unitId, unitName: unit.name, isPublic: page?.isPublic ?? false, publicUrl: `${config.publicUrl}/wins/${unitId}`, canManage: can(actor, 'campaigns.manage', unit.path) } };
  };

  app.get('/campaigns/wins-pages/:unitId', {
    schema: { tags: ['campaigns'], summary: 'Whether a unit’s wins page is public, and its address', params: unitParams, response: { 200: winsPageView } },
  }, async (req) => (await pageOfUnit(actorOf(req), req.params.unitId)).view);

  app.put('/campaigns/wins-pages/:unitId', {
    schema: {
      tags: ['campaigns'], summary: 'Make a unit’s wins page public (served without signing in: dates, headlines, descriptions and campaign titles only) or private again',
      params: unitParams, body: winsPageBody, response: { 200: winsPageView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { unit } = await pageOfUnit(actor, req.params.unitId);
    if (!can(actor, 'campaigns.manage', unit.path)) throw forbidden();
    await db.transaction((tx) => setWinsPagePublic(tx, actor, unit, req.body.isPublic, req.id));
    return (await pageOfUnit(actor, req.params.unitId)).view;
  });

  app.get('/campaigns/:id', {
    schema: { tags: ['campaigns'], summary: 'One campaign, with its areas, phase history and team', params: idParams, response: { 200: campaignView } },
  }, async (req) => view(actorOf(req), req.params.id));

  app.patch('/campaigns/:id', {
    schema: { tags: ['campaigns'], summary: 'Edit a campaign’s details (its phase moves through /phase)', params: idParams, body: updateCampaignBody, response: { 200: campaignView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateCampaign(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return view(actor, req.params.id);
  });

  app.post('/campaigns/:id/phase', {
    schema: {
      tags: ['campaigns'], summary: 'Move a campaign to another phase of the organising cycle; moving back needs a reason (422 without)',
      params: idParams, body: phaseMoveBody, response: { 200: campaignView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => changePhase(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return view(actor, req.params.id);
  });

  app.get('/campaigns/:id/evidence', {
    config: { rateLimit: perMinute(ctx, 120) },
    schema: {
      tags: ['campaigns'], summary: 'Listening evidence for the campaign’s issue: people who raised it in its unit and areas over the last year (counts only; small counts withheld as in salience)',
      params: idParams, response: { 200: evidenceView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return listeningEvidence(db, actor, await loadCampaignFor(db, actor, req.params.id, 'read'));
  });

  app.put('/campaigns/:id/team/:personId', {
    schema: { tags: ['campaigns'], summary: 'Put a person (of the campaign’s unit or below) on the team, or change their role', params: personParams, body: teamMemberBody, response: { 200: campaignView, 201: campaignView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const added = await db.transaction(async (tx) => setTeamMember(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.personId, req.body, req.id));
    return reply.code(added ? 201 : 200).send(await view(actor, req.params.id));
  });

  app.delete('/campaigns/:id/team/:personId', {
    schema: { tags: ['campaigns'], summary: 'Take a person off the team', params: personParams, response: { 200: campaignView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeTeamMember(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.personId, req.id));
    return view(actor, req.params.id);
  });

  app.get('/campaigns/:id/power-map', {
    schema: { tags: ['campaigns'], summary: 'The campaign’s power map: actors with influence, stance, self-interest, targets and our contacts; links between actors', params: idParams, response: { 200: powerMapView } },
  }, async (req) => mapOf(actorOf(req), req.params.id));

  app.post('/campaigns/:id/actors', {
    schema: { tags: ['campaigns'], summary: 'Add an actor to the power map (influence 1–5, stance −2 to +2)', params: idParams, body: createActorBody, response: { 201: powerMapView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => addActor(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return reply.code(201).send(await mapOf(actor, req.params.id));
  });

  app.patch('/campaigns/:id/actors/:actorId', {
    schema: { tags: ['campaigns'], summary: 'Edit an actor (move them on the grid, mark a target…)', params: actorParams, body: updateActorBody, response: { 200: powerMapView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateActor(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actorId, req.body, req.id));
    return mapOf(actor, req.params.id);
  });

  app.delete('/campaigns/:id/actors/:actorId', {
    schema: { tags: ['campaigns'], summary: 'Take an actor off the power map, with their links and contacts', params: actorParams, response: { 200: powerMapView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeActor(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actorId, req.id));
    return mapOf(actor, req.params.id);
  });

  app.post('/campaigns/:id/actor-links', {
    schema: { tags: ['campaigns'], summary: 'Record that one actor relates to another on this map', params: idParams, body: actorLinkBody, response: { 201: powerMapView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => addLink(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return reply.code(201).send(await mapOf(actor, req.params.id));
  });

  app.delete('/campaigns/:id/actor-links/:linkId', {
    schema: { tags: ['campaigns'], summary: 'Remove a link between actors', params: linkParams, response: { 200: powerMapView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeLink(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.linkId, req.id));
    return mapOf(actor, req.params.id);
  });

  app.post('/campaigns/:id/actors/:actorId/contacts', {
    schema: { tags: ['campaigns'], summary: 'Record that one of our people (of the campaign’s unit or below) has a relationship with an actor', params: actorParams, body: actorContactBody, response: { 200: powerMapView, 201: powerMapView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const added = await db.transaction(async (tx) => setContact(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actorId, req.body, req.id));
    return reply.code(added ? 201 : 200).send(await mapOf(actor, req.params.id));
  });

  app.delete('/campaigns/:id/actors/:actorId/contacts/:personId', {
    schema: { tags: ['campaigns'], summary: 'Remove one of our people as a contact of an actor', params: contactParams, response: { 200: powerMapView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeContact(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.actorId, req.params.personId, req.id));
    return mapOf(actor, req.params.id);
  });

  const winOf = async (actor: Actor, campaignId: string, winId: string) => {
    const [w] = (await listWins(db, actor, { campaign: campaignId, id: winId }, 1)).items;
    if (!w) throw notFound('Win');
    return w;
  };

  app.post('/campaigns/:id/wins', {
    schema: { tags: ['campaigns'], summary: 'Log a win of the campaign (headline and description may go on the public wins page: name no one)', params: idParams, body: createWinBody, response: { 201: winView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await db.transaction(async (tx) => logWin(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return reply.code(201).send(await winOf(actor, req.params.id, id));
  });

  app.patch('/campaigns/:id/wins/:winId', {
    schema: { tags: ['campaigns'], summary: 'Edit a win', params: winParams, body: updateWinBody, response: { 200: winView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateWin(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.winId, req.body, req.id));
    return winOf(actor, req.params.id, req.params.winId);
  });

  app.delete('/campaigns/:id/wins/:winId', {
    schema: { tags: ['campaigns'], summary: 'Remove a win logged by mistake', params: winParams, response: { 200: ok } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeWin(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.winId, req.id));
    return { ok: true as const };
  });

  await campaignActionRoutes(app, {});
  await structureTestRoutes(app, {});
};
