import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import type { Actor } from '../accounts/actor.ts';
import { loadCampaignFor } from './policy.ts';
import { addSegment, createStructureTest, generateSegments, recordCount, removeCount, removeSegment, updateSegment, updateStructureTest } from './structureTestCommands.ts';
import { countBody, createStructureTestBody, generateSegmentsBody, segmentBody, updateSegmentBody, updateStructureTestBody } from './structureTestInputs.ts';
import { listStructureTests, readStructureTest } from './structureTestQueries.ts';
import { structureTestSummaryView, structureTestView } from './structureTestViews.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const testParams = z.strictObject({ id: z.string().uuid(), testId: z.string().uuid() });
const segmentParams = z.strictObject({ id: z.string().uuid(), testId: z.string().uuid(), segmentId: z.string().uuid() });
const countParams = z.strictObject({ id: z.string().uuid(), testId: z.string().uuid(), personId: z.string().uuid() });

/** A campaign's structure tests: a universe of segments, a threshold, counts by volunteers, and the rule for going public. */
export const structureTestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const ctx = app.ctx;
  const testOf = async (actor: Actor, campaignId: string, testId: string) => {
    const loaded = await loadCampaignFor(db, actor, campaignId, 'read');
    const v = await readStructureTest(db, actor, campaignId, testId, loaded.unitPath);
    if (!v) throw notFound('Structure test');
    return v;
  };
  const base = '/campaigns/:id/structure-tests';

  app.get(base, {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['campaigns'], summary: 'The campaign’s structure tests, newest first, with overall progress and whether each is ready to go public',
      params: idParams, response: { 200: z.object({ items: z.array(structureTestSummaryView) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadCampaignFor(db, actor, req.params.id, 'read');
    return { items: await listStructureTests(db, actor, req.params.id) };
  });

  app.post(base, {
    schema: {
      tags: ['campaigns'], summary: 'Start a structure test (a draft): what counts, the threshold, a per-volunteer quota and the universe’s segments',
      params: idParams, body: createStructureTestBody, response: { 201: structureTestView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await db.transaction(async (tx) => createStructureTest(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.body, req.id));
    return reply.code(201).send(await testOf(actor, req.params.id, id));
  });

  app.get(`${base}/:testId`, {
    schema: {
      tags: ['campaigns'], summary: 'One structure test: progress per segment and overall, each volunteer against the quota, the latest counts',
      params: testParams, response: { 200: structureTestView },
    },
  }, async (req) => testOf(actorOf(req), req.params.id, req.params.testId));

  app.patch(`${base}/:testId`, {
    schema: {
      tags: ['campaigns'],
      summary: 'Edit a structure test or move its status; running needs a universe (422), public before the threshold is met needs overrideReason (422)',
      params: testParams, body: updateStructureTestBody, response: { 200: structureTestView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateStructureTest(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage', true), req.params.testId, req.body, req.id));
    return testOf(actor, req.params.id, req.params.testId);
  });

  app.post(`${base}/:testId/segments`, {
    schema: { tags: ['campaigns'], summary: 'Add a segment to the universe (a block, street or department, with its size)', params: testParams, body: segmentBody, response: { 201: structureTestView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => addSegment(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage'), req.params.testId, req.body, req.id));
    return reply.code(201).send(await testOf(actor, req.params.id, req.params.testId));
  });

  app.post(`${base}/:testId/segments/generate`, {
    schema: {
      tags: ['campaigns'],
      summary: 'Add a segment for each postcode or address line among the campaign’s people (its unit and below, those I may read), sized by how many people have it; values already a segment are skipped',
      params: testParams, body: generateSegmentsBody, response: { 201: structureTestView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => generateSegments(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage'), req.params.testId, req.body, req.id));
    return reply.code(201).send(await testOf(actor, req.params.id, req.params.testId));
  });

  app.patch(`${base}/:testId/segments/:segmentId`, {
    schema: { tags: ['campaigns'], summary: 'Rename or resize a segment; never below the people counted in it (422)', params: segmentParams, body: updateSegmentBody, response: { 200: structureTestView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => updateSegment(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage'), req.params.testId, req.params.segmentId, req.body, req.id));
    return testOf(actor, req.params.id, req.params.testId);
  });

  app.delete(`${base}/:testId/segments/:segmentId`, {
    schema: { tags: ['campaigns'], summary: 'Take a segment out of the universe; one with counts stays (409)', params: segmentParams, response: { 200: structureTestView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeSegment(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'manage'), req.params.testId, req.params.segmentId, req.id));
    return testOf(actor, req.params.id, req.params.testId);
  });

  app.post(`${base}/:testId/counts`, {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['campaigns'],
      summary: 'Count a person in a segment, collected by me (people.update in the campaign’s unit); once per test (409), not beyond the segment’s size (422), while the test runs (409)',
      params: testParams, body: countBody, response: { 201: structureTestView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => recordCount(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'read'), req.params.testId, req.body, req.id));
    return reply.code(201).send(await testOf(actor, req.params.id, req.params.testId));
  });

  app.delete(`${base}/:testId/counts/:personId`, {
    schema: { tags: ['campaigns'], summary: 'Take a count back (the volunteer who collected it, or someone who runs the campaign)', params: countParams, response: { 200: structureTestView } },
  }, async (req) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => removeCount(tx, actor, await loadCampaignFor(tx, actor, req.params.id, 'read'), req.params.testId, req.params.personId, req.id));
    return testOf(actor, req.params.id, req.params.testId);
  });
};
