import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Database, DatabaseKind } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import type { AppContext } from '../src/server/context.ts';
import { openTestDatabase } from './databases.ts';

export { testDatabaseKinds } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ctx: AppContext;
  /** `inject` with a bearer token (from a factory-made account) when one is given. */
  request(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A real app on a fresh database of the given kind. Mail goes to the outbox table. */
export async function createTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', RATE_LIMIT_MULTIPLIER: '1000', ...env });
  const app = await buildApp({ config, database, secret: 'test-secret-test-secret-test-secret!', serveWeb: false, logger: false });
  await app.ready();
  return {
    app,
    database,
    ctx: app.ctx,
    request: ({ token, headers, ...opts }) =>
      app.inject({ ...opts, headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
