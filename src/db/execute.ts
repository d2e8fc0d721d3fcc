import type { SQL } from 'drizzle-orm';
import type { Db } from './connection.ts';

/**
 * Runs a raw `sql` template and returns its rows. Both drivers answer `{ rows }`; the shared
 * Drizzle type cannot say so, hence this one typed entry point for raw SQL.
 */
export async function execute<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
