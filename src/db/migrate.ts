import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './connection.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every pending migration in order; safe to run at every start. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    // One server may be shared by several app processes starting at once: serialise them.
    await database.query('select pg_advisory_lock(7410001)');
    try {
      await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
    } finally {
      await database.query('select pg_advisory_unlock(7410001)');
    }
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}

/** The tag of the newest applied migration, for /api/health. */
export async function migrationVersion(database: Database): Promise<string | null> {
  const rows = await database
    .query<{ id: number; created_at: string }>('select id, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1')
    .catch(() => []);
  if (!rows[0]) return null;
  const { readFileSync } = await import('node:fs');
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const entry = journal.entries.find((e) => String(e.when) === String(rows[0]!.created_at));
  return entry?.tag ?? String(rows[0].created_at);
}
