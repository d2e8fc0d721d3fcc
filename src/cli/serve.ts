import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { accounts } from '../modules/accounts/schema.ts';
import { createSignInLink } from '../modules/accounts/signIn.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../modules/demo/seedDemo.ts';
import { buildApp } from '../server/app.ts';
import { openDatabase, resolveSecret } from './bootstrap.ts';

/** Starts the server: migrate, seed the demo organisation outside production, listen, print how to sign in. */
export async function serve(opts: { seed: boolean }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await migrate(database);
  const app = await buildApp({ config, database, secret: resolveSecret(config) });
  if (opts.seed && config.NODE_ENV !== 'production') {
    const { created } = await seedDemo(app.ctx);
    if (created) app.log.info('demo organisation created');
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.TREDEGAR_DATA_DIR}` : 'PostgreSQL';
  const lines = [``, `Tredegar is running at ${config.publicUrl} (${where})`];
  if (config.NODE_ENV !== 'production') {
    const [admin] = await app.ctx.db.select().from(accounts).where(eq(accounts.email, DEMO_ACCOUNTS[0]!.email));
    if (admin) {
      lines.push(`Sign in as the demo admin (one-time link, valid 15 minutes):`, `  ${await createSignInLink(app.ctx, admin.id)}`);
      lines.push(`Other demo accounts: ${DEMO_ACCOUNTS.slice(1).map((a) => a.email).join(', ')} (ask for a link on the sign-in page; it appears in this log)`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
