import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, validationFailed } from '../../server/errors.ts';
import { decodeCursor, encodeCursor } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { hexLayout } from './hexMap.ts';
import { importResults } from './importResults.ts';
import { listSeats } from './listSeats.ts';
import { resolveParty } from './parties.ts';
import { assertComparable, listElections, loadElection } from './queries.ts';
import { runScenario } from './scenario.ts';
import { resolveScope } from './scope.ts';
import { swingNeeded } from './seatMetrics.ts';
import { buildSummary, nationalSummaries, regionalSummaries, swingPair, unknownParty } from './summary.ts';
import { ATTRIBUTION, attribution, electionView, hexView, scenarioView, seatView, summaryView } from './views.ts';

const electionParam = z.strictObject({ election: z.string().min(1).max(40) });
const scopeQuery = {
  region: z.string().trim().max(100).optional(),
  nation: z.string().trim().max(100).optional(),
  constituency: z.string().trim().max(100).optional(),
  gb: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
};
const party = z.string().trim().min(1).max(40);

/** Election results (public reference data: any signed-in caller may read), imports for national admins. */
export const electionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const withCompare = async (election: string, compare?: string) => {
    const data = await loadElection(db, election);
    const before = compare ? await loadElection(db, compare) : null;
    if (before) assertComparable(data.election, before.election);
    return { data, before };
  };

  app.get('/elections', {
    schema: { tags: ['elections'], summary: 'Imported elections, oldest first', response: { 200: z.object({ items: z.array(electionView), nextCursor: z.null() }) } },
  }, async (req) => {
    actorOf(req);
    const rows = await listElections(db);
    return {
      items: rows.map((e) => ({ name: e.name, heldOn: e.heldOn, boundarySet: e.boundarySet, parties: e.parties, seats: e.seatCount, sourceFile: e.sourceFile, importedAt: e.importedAt.toISOString() })),
      nextCursor: null,
    };
  });

  app.post('/elections/imports', {
    bodyLimit: 4 * 1024 * 1024,
    config: { rateLimit: perMinute(app.ctx, 20) },
    schema: {
      tags: ['elections'],
      summary: 'Import House of Commons Library constituency results (all rows checked; nothing partial; the same file twice changes nothing)',
      body: z.strictObject({
        fileName: z.string().trim().min(1).max(200),
        content: z.string().min(1).max(3_000_000),
        election: z.string().trim().min(1).max(40).optional(),
        heldOn: z.iso.date().optional(),
        replace: z.boolean().optional(),
      }),
      response: { 200: z.object({ results: z.array(z.object({ election: z.string(), status: z.enum(['created', 'replaced', 'unchanged']), seats: z.number().int(), boundarySet: z.string(), heldOn: z.string() })) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'elections.manage')) throw forbidden('Only a national admin can import election results.');
    const { fileName, content, ...opts } = req.body;
    return { results: await importResults(db, [{ fileName, content }], { ...opts, actorAccountId: actor.accountId, requestId: req.id }) };
  });

  app.get('/elections/:election/summary', {
    schema: {
      tags: ['elections'],
      summary: 'Votes, shares, change, Butler swing, turnout and seats for the UK, GB, a nation, a region or a constituency',
      params: electionParam,
      querystring: z.strictObject({ compare: z.string().max(40).optional(), swingA: party.optional(), swingB: party.optional(), ...scopeQuery }),
      response: { 200: summaryView.extend({ attribution }) },
    },
  }, async (req) => {
    actorOf(req);
    const { compare, swingA, swingB, ...scope } = req.query;
    const { data, before } = await withCompare(req.params.election, compare);
    return { ...buildSummary(data, before, resolveScope(data, scope), swingPair(data, swingA, swingB)), attribution: ATTRIBUTION };
  });

  app.get('/elections/:election/breakdown', {
    schema: {
      tags: ['elections'],
      summary: 'Summaries for every region (level=region) or for the UK, GB and each nation (level=nation)',
      params: electionParam,
      querystring: z.strictObject({ level: z.enum(['region', 'nation']).default('region'), compare: z.string().max(40).optional(), swingA: party.optional(), swingB: party.optional() }),
      response: { 200: z.object({ items: z.array(summaryView), attribution }) },
    },
  }, async (req) => {
    actorOf(req);
    const { data, before } = await withCompare(req.params.election, req.query.compare);
    const pair = swingPair(data, req.query.swingA, req.query.swingB);
    const items = req.query.level === 'region' ? regionalSummaries(data, before, pair) : nationalSummaries(data, before, pair);
    return { items, attribution: ATTRIBUTION };
  });

  app.get('/elections/:election/seats', {
    schema: {
      tags: ['elections'],
      summary: 'Seats with majority, runner-up and the uniform swing that flips them; filter for seats in peril or targets',
      params: electionParam,
      querystring: z.strictObject({
        compare: z.string().max(40).optional(),
        heldBy: party.optional(),
        challenger: party.optional(),
        maxMajorityPct: z.coerce.number().min(0).max(100).optional(),
        sort: z.enum(['majority', 'name']).default('majority'),
        ...scopeQuery,
        // The whole House is at most 650 seats, so one page can hold every seat (the map and CSV need them).
        limit: z.coerce.number().int().min(1).max(650).default(100),
        cursor: z.string().max(100).optional(),
      }),
      response: { 200: z.object({ items: z.array(seatView), total: z.number().int(), nextCursor: z.string().nullable(), attribution }) },
    },
  }, async (req) => {
    actorOf(req);
    const { compare, heldBy, challenger, maxMajorityPct, sort, limit, cursor, ...scope } = req.query;
    const { data, before } = await withCompare(req.params.election, compare);
    const rows = listSeats(data, before, { scope: resolveScope(data, scope), heldBy, challenger, maxMajorityPct, sort });
    const [offset] = (decodeCursor(cursor, 1) ?? [0]) as [number];
    if (!Number.isInteger(offset) || offset < 0) throw validationFailed('The cursor is not valid; start again from the first page.');
    const items = rows.slice(offset, offset + limit);
    return { items, total: rows.length, nextCursor: offset + limit < rows.length ? encodeCursor([offset + limit]) : null, attribution: ATTRIBUTION };
  });

  app.get('/elections/:election/scenario', {
    schema: {
      tags: ['elections'],
      summary: 'What-if: a uniform swing between two parties in an area, and the seats that would change hands',
      params: electionParam,
      querystring: z.strictObject({ from: party, to: party, swing: z.coerce.number().min(-50).max(50), region: scopeQuery.region, nation: scopeQuery.nation, gb: scopeQuery.gb }),
      response: { 200: scenarioView },
    },
  }, async (req) => {
    actorOf(req);
    const { from, to, swing, ...scope } = req.query;
    const data = await loadElection(db, req.params.election);
    return { ...runScenario(data, { from, to, swing, scope: resolveScope(data, scope) }), attribution: ATTRIBUTION };
  });

  app.get('/elections/:election/map', {
    schema: {
      tags: ['elections'],
      summary: 'Hex map of constituencies with, per seat, the winner and a party\'s share, change and the swing it needs',
      params: electionParam,
      querystring: z.strictObject({ party: party.optional(), compare: z.string().max(40).optional() }),
      response: { 200: z.object({ layout: z.string(), party: z.string().nullable(), hexes: z.array(hexView), attribution }) },
    },
  }, async (req) => {
    actorOf(req);
    const { data, before } = await withCompare(req.params.election, req.query.compare);
    const layout = hexLayout(data);
    const p = req.query.party ? resolveParty(req.query.party, data.election.parties) : null;
    if (req.query.party && !p) throw unknownParty(data, req.query.party);
    const seats = new Map(data.seats.map((s) => [s.code, s]));
    const earlier = before ? new Map(before.seats.map((s) => [s.code, s])) : null;
    const hexes = layout.hexes.flatMap((h) => {
      const s = seats.get(h.code);
      if (!s) return [];
      const share = p ? (s.votes[p]! / s.validVotes) * 100 : null;
      const prior = p ? earlier?.get(h.code) : undefined;
      return [{
        code: h.code, name: s.name, q: h.q, r: h.r, regionName: data.areaNames.get(s.regionCode) ?? s.regionCode, winner: s.winner,
        majorityPct: round4((s.majority / s.validVotes) * 100), sharePct: share === null ? null : round4(share),
        changePts: share !== null && prior ? round4(share - (prior.votes[p!]! / prior.validVotes) * 100) : null,
        swingNeededPts: p ? swingNeeded(s, p) : null,
      }];
    });
    return { layout: layout.layout, party: p, hexes, attribution: ATTRIBUTION };
  });
};

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
