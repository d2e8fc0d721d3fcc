import { Socket } from 'node:net';
import pg from 'pg';
import { connect, type Database, type DatabaseKind } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/test';

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(500);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.once('timeout', () => { s.destroy(); resolve(false); });
    s.connect(port, host);
  });
}

/** The server URL integration tests use: DATABASE_URL, or the local server when one answers. */
export async function postgresUrl(): Promise<string | null> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (process.env.TREDEGAR_TEST_PGLITE_ONLY) return null;
  return (await portOpen('127.0.0.1', 5432)) ? LOCAL_PG : null;
}

/** PGlite always; PostgreSQL too whenever a server is reachable. */
export const testDatabaseKinds: DatabaseKind[] = (await postgresUrl()) ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database of the given kind. On PostgreSQL each call creates its own
 * database (dropped on close) so test files never see each other's rows.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await connect({ dataDir: 'memory://' });
    await migrate(database);
    return database;
  }
  const url = await postgresUrl();
  if (!url) throw new Error('No PostgreSQL server for tests');
  const name = `tredegar_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await connect({ databaseUrl: dbUrl.toString(), poolSize: 5 });
  await migrate(database);
  const close = database.close;
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return database;
}
