import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../../server/pagination.ts';
import { assertCan, canAnywhere } from '../accounts/actor.ts';
import { getUnit } from '../units/queries.ts';
import { createTargetList } from './createTargetList.ts';
import { deleteTargetList } from './deleteTargetList.ts';
import { loadElection } from './queries.ts';
import { allSeatMetrics } from './seatMetrics.ts';
import { getTargetList, listTargetLists, type TargetListRow } from './targetListQueries.ts';
import { ATTRIBUTION, attribution, seatView, targetListView } from './views.ts';

const present = (r: TargetListRow) => ({
  id: r.id, unitId: r.unitId, unitName: r.unitName, election: r.election, name: r.name, notes: r.notes, basis: r.basis, seatCount: r.seatCount, createdAt: r.createdAt.toISOString(),
});
const idParams = z.strictObject({ id: z.string().uuid() });

/** Saved target lists: each belongs to a unit and is read and managed within that unit's scope. */
export const targetListRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/elections/target-lists', {
    schema: {
      tags: ['elections'],
      summary: 'Saved target lists of the units I can see, newest first',
      querystring: z.strictObject({ unitId: z.string().uuid().optional(), ...pageQuery }),
      response: { 200: z.object({ items: z.array(targetListView), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const after = decodeCursor(req.query.cursor, 2) as [string, string] | null;
    const rows = await listTargetLists(db, actor, { unitId: req.query.unitId, limit: req.query.limit, after });
    const items = rows.slice(0, req.query.limit);
    const last = items.at(-1);
    return { items: items.map(present), nextCursor: rows.length > req.query.limit && last ? encodeCursor([last.cursorAt, last.id]) : null };
  });

  app.post('/elections/target-lists', {
    schema: {
      tags: ['elections'],
      summary: 'Save a target list for a unit',
      body: z.strictObject({
        unitId: z.string().uuid(),
        election: z.string().min(1).max(40),
        name: z.string().trim().min(1).max(120),
        notes: z.string().trim().max(2000).optional(),
        seats: z.array(z.string().regex(/^[ENSW]\d{8}$/, 'An ONS constituency code')).min(1).max(650),
        basis: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).optional(),
      }),
      response: { 201: targetListView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'targets.manage')) throw forbidden();
    const unit = await getUnit(db, req.body.unitId);
    assertCan(actor, 'targets.manage', unit.path);
    const data = await loadElection(db, req.body.election);
    const created = await createTargetList(db, {
      unit, electionId: data.election.id, electionName: data.election.name, name: req.body.name, notes: req.body.notes, seats: req.body.seats,
      basis: req.body.basis, actorAccountId: actor.accountId, requestId: req.id,
    });
    return reply.code(201).send(present(await getTargetList(db, created.id)));
  });

  app.get('/elections/target-lists/:id', {
    schema: {
      tags: ['elections'],
      summary: 'One target list with each seat\'s figures, in priority order',
      params: idParams,
      response: { 200: targetListView.extend({ seats: z.array(seatView.omit({ challengerSwingPts: true, rank: true }).extend({ position: z.number().int() })), attribution }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const list = await getTargetList(db, req.params.id);
    assertCan(actor, 'targets.read', list.unitPath);
    const metrics = new Map(allSeatMetrics(await loadElection(db, list.election)).map((m) => [m.code, m]));
    return { ...present(list), seats: list.seats.map((code, i) => ({ ...metrics.get(code)!, position: i + 1 })), attribution: ATTRIBUTION };
  });

  app.delete('/elections/target-lists/:id', {
    schema: { tags: ['elections'], summary: 'Delete a target list', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const list = await getTargetList(db, req.params.id);
    assertCan(actor, 'targets.manage', list.unitPath);
    await deleteTargetList(db, list, actor.accountId, req.id);
    return reply.code(204).send(null);
  });
};
