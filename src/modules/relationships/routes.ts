import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { can, canAnywhere } from '../accounts/actor.ts';
import { loadPersonFor } from '../people/policy.ts';
import { createRelationship } from './createRelationship.ts';
import { deleteRelationship } from './deleteRelationship.ts';
import { relationshipGraph } from './graph.ts';
import { createRelationshipBody, updateRelationshipBody } from './inputs.ts';
import { listMyPeople, myPeopleIds } from './myPeople.ts';
import { addMyPerson, removeMyPerson } from './myPeopleCommands.ts';
import { loadPairFor, loadRelationshipToChange } from './policy.ts';
import { listRelationships, readRelationship } from './queries.ts';
import { relationshipTypes } from './schema.ts';
import { updateRelationship } from './updateRelationship.ts';
import { graphView, myPersonView, relationshipView } from './views.ts';
import { MAX_NODES } from './graph.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/** Relationships between people, the relationship graph, and each volunteer's own list ("my people"). */
export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/relationships', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['relationships'], summary: 'A person’s relationships, recruitments and people brought (only links between people I may read), newest first',
      querystring: z.strictObject({ person: z.string().uuid(), type: z.enum(relationshipTypes).optional(), ...pageQuery }),
      response: { 200: pageResponse(relationshipView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { limit, cursor, ...filter } = req.query;
    await loadPersonFor(db, actor, filter.person, 'read');
    return listRelationships(db, actor, filter, limit, cursor);
  });

  app.post('/relationships', {
    schema: {
      tags: ['relationships'], summary: 'Record a relationship (tie), a recruitment or someone brought to an event, between two people of one organisation I may change',
      body: createRelationshipBody, response: { 201: relationshipView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'people.update')) throw forbidden();
    const pair = await loadPairFor(db, actor, req.body.personId, req.body.otherPersonId);
    const id = await db.transaction((tx) => createRelationship(tx, actor, pair, req.body, req.id));
    return reply.code(201).send((await readRelationship(db, actor, id))!);
  });

  app.patch('/relationships/:id', {
    schema: { tags: ['relationships'], summary: 'Change a tie’s kind or strength, or a link’s date or event name', params: idParams, body: updateRelationshipBody, response: { 200: relationshipView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateRelationship(tx, actor, await loadRelationshipToChange(tx, actor, req.params.id), req.body, req.id));
    return (await readRelationship(db, actor, req.params.id))!;
  });

  app.delete('/relationships/:id', {
    schema: { tags: ['relationships'], summary: 'Remove a link (audited)', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => deleteRelationship(tx, actor, await loadRelationshipToChange(tx, actor, req.params.id), req.id));
    return reply.code(204).send(null);
  });

  app.get('/relationships/graph', {
    config: { rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['relationships'],
      summary: `The relationship graph around a person, or around my people: nodes and edges out to 1 or 2 hops, at most ${MAX_NODES} people`,
      querystring: z.strictObject({
        person: z.string().uuid().optional().describe('start from this person'),
        mine: z.enum(['true', 'false']).optional().describe('start from my people (when no person is given)'),
        depth: z.coerce.number().int().min(1).max(2).default(2),
      }),
      response: { 200: graphView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    let seeds: string[];
    if (req.query.person) {
      await loadPersonFor(db, actor, req.query.person, 'read');
      seeds = [req.query.person];
    } else {
      if (!canAnywhere(actor, 'conversations.log')) throw forbidden();
      seeds = await myPeopleIds(db, actor, MAX_NODES + 1);
    }
    return relationshipGraph(db, actor, seeds, req.query.depth as 1 | 2);
  });

  app.get('/my-people', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['relationships'], summary: 'My people: those I added, held conversations with or recruited, by name, with when last spoken with and open commitments',
      querystring: z.strictObject({ notSpokenForDays: z.coerce.number().int().min(1).max(3650).optional().describe('only those not spoken with for this many days (or ever)'), ...pageQuery }),
      response: { 200: pageResponse(myPersonView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'conversations.log')) throw forbidden();
    const { limit, cursor, ...filter } = req.query;
    return listMyPeople(db, actor, filter, limit, cursor);
  });

  app.post('/my-people', {
    schema: {
      tags: ['relationships'], summary: 'Add a person to my people',
      body: z.strictObject({ personId: z.string().uuid() }),
      response: { 200: z.object({ personId: z.string().uuid(), added: z.boolean() }), 201: z.object({ personId: z.string().uuid(), added: z.boolean() }) },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { person, unitPath } = await loadPersonFor(db, actor, req.body.personId, 'read');
    if (!can(actor, 'conversations.log', unitPath)) throw forbidden();
    const added = await db.transaction((tx) => addMyPerson(tx, actor, person, req.id));
    return reply.code(added ? 201 : 200).send({ personId: person.id, added });
  });

  app.delete('/my-people/:personId', {
    schema: { tags: ['relationships'], summary: 'Take a person I added off my people', params: z.strictObject({ personId: z.string().uuid() }), response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'conversations.log')) throw notFound('Person on your list');
    await db.transaction((tx) => removeMyPerson(tx, actor, req.params.personId, req.id));
    return reply.code(204).send(null);
  });
};
