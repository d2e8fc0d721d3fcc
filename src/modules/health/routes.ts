import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationVersion } from '../../db/migrate.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Server and database status',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string().nullable() }),
        },
      },
    },
    async () => {
      const { database } = app.ctx;
      await database.query('select 1');
      return { status: 'ok' as const, database: database.kind, migration: await migrationVersion(database) };
    },
  );
};
