import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import { areas } from './schema.ts';

/** Throws a 422 naming every code that is not a known area. */
export async function assertAreasExist(db: Db, codes: string[], path = 'areaCodes'): Promise<void> {
  if (codes.length === 0) return;
  const found = new Set((await db.select({ code: areas.code }).from(areas).where(inArray(areas.code, codes))).map((r) => r.code));
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length > 0) throw validationFailed('Unknown area codes.', missing.map((c) => ({ path, message: `Unknown area ${c}` })));
}
