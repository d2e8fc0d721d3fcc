import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { loadEventFor } from '../events/policy.ts';
import { editGroup, generateBreakouts, moveMember, publishBreakouts } from './commands.ts';
import { generateBody, groupBody, moveBody } from './inputs.ts';
import { breakoutPlanView, myBreakoutView } from './present.ts';
import { readMyGroups, readPlan } from './queries.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const groupParams = z.strictObject({ id: z.string().uuid(), groupId: z.string().uuid() });

/** Breakout groups of a meeting: the host splits, adjusts and publishes; a facilitator reads their own group. */
export const breakoutRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  // Every write locks the event row (as RSVPs and check-ins do) and runs in one transaction.
  const write = (req: { params: { id: string }; id: string }, actor: ReturnType<typeof actorOf>, run: (tx: typeof db, event: Awaited<ReturnType<typeof loadEventFor>>['event']) => Promise<void>) =>
    db.transaction(async (tx) => run(tx, (await loadEventFor(tx, actor, req.params.id, 'manage', true)).event));

  app.get('/events/:id/breakouts', {
    schema: { tags: ['events'], summary: 'The meeting’s breakout groups as the host has them now (needs to manage the event)', params: idParams, response: { 200: breakoutPlanView } },
  }, async (req) => {
    await loadEventFor(db, actorOf(req), req.params.id, 'manage');
    return readPlan(db, req.params.id);
  });

  app.post('/events/:id/breakouts', {
    schema: {
      tags: ['events'], summary: 'Split the attendees into groups (mixing wards, spreading experience, one facilitator per group), replacing an earlier split',
      params: idParams, body: generateBody, response: { 201: breakoutPlanView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await write(req, actor, (tx, event) => generateBreakouts(tx, actor, event, req.body, req.id));
    return reply.code(201).send(await readPlan(db, req.params.id));
  });

  app.post('/events/:id/breakouts/moves', {
    schema: { tags: ['events'], summary: 'Move an attendee to another group', params: idParams, body: moveBody, response: { 200: breakoutPlanView } },
  }, async (req) => {
    const actor = actorOf(req);
    await write(req, actor, (tx, event) => moveMember(tx, actor, event, req.body.rsvpId, req.body.groupId, req.id));
    return readPlan(db, req.params.id);
  });

  app.patch('/events/:id/breakouts/groups/:groupId', {
    schema: { tags: ['events'], summary: 'Rename a group or change its facilitator', params: groupParams, body: groupBody, response: { 200: breakoutPlanView } },
  }, async (req) => {
    const actor = actorOf(req);
    await write(req, actor, (tx, event) => editGroup(tx, actor, event, req.params.groupId, req.body, req.id));
    return readPlan(db, req.params.id);
  });

  app.post('/events/:id/breakouts/publish', {
    schema: { tags: ['events'], summary: 'Show facilitators the groups as they are now (changes after this wait for the next publish)', params: idParams, response: { 200: breakoutPlanView } },
  }, async (req) => {
    const actor = actorOf(req);
    await write(req, actor, (tx, event) => publishBreakouts(tx, actor, event, req.id));
    return readPlan(db, req.params.id);
  });

  app.get('/events/:id/breakouts/mine', {
    schema: { tags: ['events'], summary: 'The published group(s) I facilitate at this meeting, members by name only', params: idParams, response: { 200: myBreakoutView } },
  }, async (req) => readMyGroups(db, actorOf(req), req.params.id));
};
