import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { loadConfig, type Config } from '../config.ts';
import { connect, type Database } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { createMailer } from '../modules/mail/sendMail.ts';
import type { AppContext } from '../server/context.ts';

/**
 * The secret that keys token hashes. Production must set SESSION_SECRET; elsewhere one is made
 * once and kept in the data directory so sessions survive restarts.
 */
export function resolveSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  mkdirSync(config.TREDEGAR_DATA_DIR, { recursive: true });
  const file = join(config.TREDEGAR_DATA_DIR, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function openDatabase(config: Config): Promise<Database> {
  return connect({
    databaseUrl: config.DATABASE_URL,
    dataDir: join(config.TREDEGAR_DATA_DIR, 'pglite'),
    onIdleError: (err) => process.stderr.write(`database connection lost (${err.message}); reconnecting on next use\n`),
  });
}

/** Configuration, a migrated database and the services a command needs. */
export async function openContext(): Promise<AppContext> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await migrate(database);
  const log = pino({ level: config.LOG_LEVEL });
  return { config, database, db: database.db, secret: resolveSecret(config), mailer: createMailer(config, log) };
}
