import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { validationFailed } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { loadElection } from '../elections/queries.ts';
import { resolveScope } from '../elections/scope.ts';
import { ATTRIBUTION, attribution } from '../elections/views.ts';
import { evaluateImpact } from './evaluateImpact.ts';
import { organisedFromRecords } from './organisedFromRecords.ts';
import { organisingBySeat, organisingSources, recordsDescription } from './organisingSources.ts';
import { readOrganisedList } from './readOrganisedList.ts';
import { impactView } from './views.ts';

const code = z.string().regex(/^[ENSW]\d{8}$/, 'An ONS constituency code');

/** Impact evaluation and where organising happened, from Tredegar's records or a list. */
export const impactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.post('/impact/evaluations', {
    config: { rateLimit: perMinute(app.ctx, 30) },
    schema: {
      tags: ['impact'],
      summary: 'Compare the change in a party\'s share in organised seats with comparable seats, with a bootstrap interval',
      description: 'Give exactly one of organised (ONS codes), organisedList (a file\'s text) or activitySince (a date: organising from Tredegar\'s records up to polling day).',
      body: z.strictObject({
        party: z.string().trim().min(1).max(40),
        from: z.string().min(1).max(40),
        to: z.string().min(1).max(40),
        organised: z.array(code).min(1).max(650).optional(),
        organisedList: z.string().min(1).max(200_000).optional(),
        activitySince: z.iso.date().optional(),
        minActivity: z.number().int().min(1).max(100_000).optional(),
        region: z.string().trim().max(100).optional(),
        nation: z.string().trim().max(100).optional(),
        seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
        resamples: z.number().int().min(100).max(20_000).optional(),
        k: z.number().int().min(1).max(10).optional(),
        caliperPts: z.number().min(0.5).max(50).optional(),
      }),
      response: { 200: impactView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const b = req.body;
    const given = [b.organised, b.organisedList, b.activitySince].filter((x) => x !== undefined).length;
    if (given !== 1) throw validationFailed('Give exactly one of: a list of organised seats, a file of them, or a date to count organising from.', [{ path: 'organised', message: 'Choose one source' }]);
    const [from, to] = [await loadElection(db, b.from), await loadElection(db, b.to)];
    let organised: string[];
    let source: { kind: 'list' | 'records'; description: string };
    if (b.activitySince) {
      const found = await organisedFromRecords(db, actor, to, b.activitySince, b.minActivity);
      organised = found.codes;
      source = { kind: 'records', description: found.description };
    } else {
      organised = b.organised ?? readOrganisedList(b.organisedList!);
      source = { kind: 'list', description: `A list of ${organised.length} organised seats.` };
    }
    const area = b.region || b.nation ? resolveScope(to, { region: b.region, nation: b.nation }) : null;
    return { ...evaluateImpact({ party: b.party, from, to, organised, area, source, seed: b.seed, resamples: b.resamples, k: b.k, caliperPts: b.caliperPts }), attribution: ATTRIBUTION };
  });

  app.get('/impact/organising', {
    schema: {
      tags: ['impact'],
      summary: 'Where organising happened: per constituency of an election, counts from Tredegar\'s records in a date range',
      querystring: z.strictObject({
        election: z.string().min(1).max(40),
        since: z.iso.date().optional(),
        until: z.iso.date().optional(),
        minActivity: z.coerce.number().int().min(1).max(100_000).default(1),
      }),
      response: {
        200: z.object({
          window: z.object({ since: z.string().nullable(), until: z.string().nullable() }),
          sources: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['presence', 'activity']), available: z.boolean() })),
          // At most one row per seat of the election (650).
          items: z.array(z.object({ code: z.string(), name: z.string(), regionName: z.string(), counts: z.record(z.string(), z.number().int().nullable()), organised: z.boolean() })),
          description: z.string(),
          attribution,
        }),
      },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const { election, since, until, minActivity } = req.query;
    if (since && until && since > until) throw validationFailed('The start of the range is after its end.', [{ path: 'since', message: 'After until' }]);
    const data = await loadElection(db, election);
    const window = { since: since ?? null, until: until ?? null };
    const seats = new Map(data.seats.map((s) => [s.code, s]));
    const rows = await organisingBySeat(db, actor, [...seats.keys()], window, minActivity);
    return {
      window,
      sources: organisingSources.map((s) => ({ key: s.key, label: s.label, kind: s.kind, available: s.available })),
      items: rows.map((r) => {
        const s = seats.get(r.code)!;
        return { code: r.code, name: s.name, regionName: data.areaNames.get(s.regionCode) ?? s.regionCode, counts: r.counts, organised: r.organised };
      }).sort((a, b) => a.name.localeCompare(b.name)),
      description: recordsDescription(window, minActivity),
      attribution: ATTRIBUTION,
    };
  });
};
