import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Database, type DatabaseKind } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { openTestDatabase } from './databases.ts';

export interface CliResult { code: number | null; out: string; err: string }

/** Runs `tredegar ARGS…` as a user would, in its own process, without blocking the test's own work. */
export function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tredegar.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/**
 * A database that a test shares with the commands it runs: a throwaway PostgreSQL database, or a
 * PGlite data directory. PGlite allows one process at a time, so the test holds it only between
 * commands: `open` it, do the work, `done` with it (a no-op on PostgreSQL).
 */
export interface CliDatabase {
  kind: DatabaseKind;
  /** The data directory (also a place for the test's files). */
  dir: string;
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  done(db: Database): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function cliDatabase(kind: DatabaseKind, name: string): Promise<CliDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `tredegar-${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, TREDEGAR_DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: '' };
  const shared = kind === 'postgres' ? await openTestDatabase('postgres') : null;
  if (shared) env.DATABASE_URL = (shared.raw as { pool: { options: { connectionString: string } } }).pool.options.connectionString;
  const open = async () => {
    if (shared) return shared;
    const db = await connect({ dataDir: join(dir, 'pglite') });
    await migrate(db);
    return db;
  };
  const done = async (db: Database) => {
    if (!shared) await db.close();
  };
  return {
    kind, dir, env, open, done,
    async query<T>(text: string, params: unknown[] = []) {
      const db = await open();
      try {
        return await db.query<T>(text, params);
      } finally {
        await done(db);
      }
    },
    async close() {
      await shared?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
