import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../server/errors.ts';
import { pageQuery } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { publicWinsView } from './present.ts';
import { publicWins } from './queries.ts';

/** A unit's wins page, for anyone, once the unit has made it public. Nothing personal is on it. */
export const publicWinRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get('/public/wins/:unitId', {
    config: { public: true, rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['public'], summary: 'What a unit’s campaigns have won: dates, headlines, descriptions and campaign titles, newest first (404 unless the unit made its wins page public)',
      params: z.strictObject({ unitId: z.string().uuid() }), querystring: z.strictObject(pageQuery), response: { 200: publicWinsView },
    },
  }, async (req) => {
    const page = await publicWins(db, req.params.unitId, req.query.limit, req.query.cursor);
    // A private page and an unknown unit answer alike, so the address confirms nothing.
    if (!page) throw notFound('Wins page');
    return page;
  });
};
