import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/connection.ts';
import { seedDemo } from '../src/modules/demo/seedDemo.ts';
import { outbox } from '../src/modules/mail/schema.ts';
import { buildApp } from '../src/server/app.ts';
import { openTestDatabase } from '../test/databases.ts';

export interface E2eServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** The newest sign-in link mailed to an address (read from the outbox table). */
  latestSignInLink(email: string): Promise<string>;
  close(): Promise<void>;
}

/** The real server with the built web client, on a fresh PGlite database with the demo organisation. */
export async function startServer(): Promise<E2eServer> {
  const database = await openTestDatabase('pglite');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_MULTIPLIER: '100', TREDEGAR_SHARED_DIR: '../shared' });
  const app = await buildApp({ config, database, secret: 'e2e-secret-e2e-secret-e2e-secret!!', logger: false });
  await seedDemo(app.ctx, { people: 120 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  // Links in mail must point at this server.
  app.ctx.config.publicUrl = url;
  return {
    url,
    app,
    database,
    async latestSignInLink(email) {
      const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt)).limit(1);
      const link = mail ? /(http\S+#token=[\w-]+)/.exec(mail.textBody)?.[1] : undefined;
      if (!link) throw new Error(`no sign-in link mailed to ${email}`);
      return link;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
