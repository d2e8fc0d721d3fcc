import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvStream } from './csvStream.ts';
import { actorOf } from '../../server/context.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { exportPeople } from '../people/exportPeople.ts';
import { peopleFilterSchema } from '../people/filters.ts';

/** CSV out: the filtered people list, audited and rate-limited. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/people/export.csv',
    {
      config: { rateLimit: perMinute(app.ctx, 10) },
      schema: {
        tags: ['people'],
        summary: 'Export the people a filter selects as CSV (needs people.export; audited with the filter and count)',
        querystring: peopleFilterSchema,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, one person a line; cells that could start a formula are prefixed with \'') },
      },
    },
    async (req, reply) => {
      const out = await exportPeople(db, actorOf(req), req.query, { requestId: req.id });
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="people-${day}.csv"`)
        .header('x-total-count', String(out.count))
        .send(csvStream(out.chunks));
    },
  );
};
