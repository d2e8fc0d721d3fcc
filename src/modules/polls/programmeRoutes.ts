import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { canAnywhere, type Actor } from '../accounts/actor.ts';
import { createProgramme } from './createProgramme.ts';
import { createProgrammeBody, questionBody, resultsQuery, scheduleBody } from './inputs.ts';
import { loadProgrammeFor } from './policy.ts';
import { meetingView, programmeDetailView, programmeResultsView, programmeView } from './present.ts';
import { listMeetings, listProgrammes, programmeResults, readProgramme } from './queries.ts';
import { addQuestion, editQuestion } from './saveQuestion.ts';
import { scheduleMeeting, unscheduleMeeting } from './scheduleMeeting.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const questionParams = z.strictObject({ id: z.string().uuid(), questionId: z.string().uuid() });
const meetingParams = z.strictObject({ id: z.string().uuid(), eventId: z.string().uuid() });

/** Listening programmes: a question bank shared by many meetings, their schedules, and results rolled up across them. */
export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const detail = async (actor: Actor, id: string) => {
    const p = await readProgramme(db, actor, id);
    if (!p) throw notFound('Programme');
    return p;
  };

  app.get('/programmes', {
    schema: {
      tags: ['programmes'], summary: 'Listening programmes I may see, newest first',
      querystring: z.strictObject({ unit: z.string().uuid().optional().describe('this unit and the units below it'), ...pageQuery }),
      response: { 200: pageResponse(programmeView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'events.read')) throw forbidden();
    return listProgrammes(db, actor, req.query.unit, req.query.limit, req.query.cursor);
  });

  app.post('/programmes', {
    schema: { tags: ['programmes'], summary: 'Start a listening programme in a unit (needs events.manage there)', body: createProgrammeBody, response: { 201: programmeDetailView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'events.manage')) throw forbidden();
    const id = await createProgramme(db, actor, req.body, req.id);
    return reply.code(201).send(await detail(actor, id));
  });

  app.get('/programmes/:id', {
    schema: { tags: ['programmes'], summary: 'One programme with its question bank', params: idParams, response: { 200: programmeDetailView } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.post('/programmes/:id/questions', {
    schema: { tags: ['programmes'], summary: 'Add a question to the bank; options get stable ids', params: idParams, body: questionBody, response: { 201: programmeDetailView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await addQuestion(db, actor, req.params.id, req.body, req.id);
    return reply.code(201).send(await detail(actor, req.params.id));
  });

  app.put('/programmes/:id/questions/:questionId', {
    schema: {
      tags: ['programmes'], summary: 'Edit a question; once it has answers, a change to its meaning is refused (409)',
      params: questionParams, body: questionBody, response: { 200: programmeDetailView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await editQuestion(db, actor, req.params.id, req.params.questionId, req.body, req.id);
    return detail(actor, req.params.id);
  });

  app.get('/programmes/:id/meetings', {
    schema: {
      tags: ['programmes'], summary: 'The programme’s meetings I may see, soonest first, with their schedules and polls',
      params: idParams, querystring: z.strictObject(pageQuery), response: { 200: pageResponse(meetingView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadProgrammeFor(db, actor, req.params.id, 'read');
    return listMeetings(db, actor, req.params.id, req.query.limit, req.query.cursor);
  });

  app.put('/programmes/:id/meetings/:eventId', {
    schema: {
      tags: ['programmes'], summary: 'Add a meeting of the programme’s unit subtree, or change the questions it asks (in order)',
      params: meetingParams, body: scheduleBody, response: { 200: programmeDetailView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await scheduleMeeting(db, actor, req.params.id, req.params.eventId, req.body.questionIds, req.id);
    return detail(actor, req.params.id);
  });

  app.delete('/programmes/:id/meetings/:eventId', {
    schema: { tags: ['programmes'], summary: 'Take a meeting that has held no poll out of the programme', params: meetingParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await unscheduleMeeting(db, actorOf(req), req.params.id, req.params.eventId, req.id);
    return reply.code(204).send(null);
  });

  app.get('/programmes/:id/results', {
    schema: {
      tags: ['programmes'], summary: 'Results across the programme’s meetings I may see, by unit, area or meeting',
      params: idParams, querystring: resultsQuery, response: { 200: programmeResultsView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadProgrammeFor(db, actor, req.params.id, 'read');
    return programmeResults(db, actor, req.params.id, req.query);
  });
};
