import pg from 'pg';
import { connect, type Database } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

/** The benchmarks' own database; never the tests' `test` database. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tredegar_bench';

/** The benchmark database URL with a suffix on the name, for a benchmark that must not share one. */
export function benchDatabaseUrl(suffix: string): string {
  const u = new URL(BENCH_DATABASE_URL);
  u.pathname = `${u.pathname}_${suffix}`;
  return u.toString();
}

function nameOf(url: string): string {
  const name = new URL(url).pathname.slice(1);
  // Benchmarks drop and recreate their database: refuse anything that is not clearly theirs.
  if (!/^tredegar_bench\w*$/.test(name)) throw new Error(`Refusing to use database "${name}": benchmark databases must be named tredegar_bench*`);
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`Benchmarks only run against loopback, not ${host}`);
  return name;
}

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Drops and recreates the benchmark database, then applies the project's migrations. */
export async function recreateBenchDatabase(url = BENCH_DATABASE_URL, poolSize = 4): Promise<Database> {
  const name = nameOf(url);
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  const database = await connect({ databaseUrl: url, poolSize });
  await migrate(database);
  return database;
}

/** Opens the benchmark database if it exists (null otherwise), migrated. */
export async function openBenchDatabase(url = BENCH_DATABASE_URL, poolSize = 4): Promise<Database | null> {
  const name = nameOf(url);
  const exists = await admin(url, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (!exists) return null;
  const database = await connect({ databaseUrl: url, poolSize });
  await migrate(database);
  return database;
}

/** Removes the benchmark database. */
export async function dropBenchDatabase(url = BENCH_DATABASE_URL): Promise<void> {
  const name = nameOf(url);
  await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
}
