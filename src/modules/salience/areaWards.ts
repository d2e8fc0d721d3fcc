import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { validationFailed } from '../../server/errors.ts';
import { areas } from '../areas/schema.ts';

/**
 * SQL condition "the ward column lies in area `code`" for any kind of area (a ward itself, a
 * constituency with its split wards, a local authority, a region or nation); null for the
 * whole country. Unknown codes are a 422. The wards are looked up first and passed as one
 * array, so the condition is an index range on any table keyed by ward.
 */
export async function wardsInArea(db: Db, code: string): Promise<((ward: SQL) => SQL) | null> {
  const inArea = await wardsSqlOf(db, code);
  if (!inArea) return null;
  const codes = (await execute<{ code: string }>(db, sql`select a.code from areas a where a.kind = 'ward' and ${inArea(sql`a.code`)}`)).map((r) => r.code);
  return (ward) => sql`${ward} = any(${arrayParam(codes)}::text[])`;
}

async function wardsSqlOf(db: Db, code: string): Promise<((ward: SQL) => SQL) | null> {
  const upper = code.toUpperCase();
  const [area] = await db.select({ kind: areas.kind }).from(areas).where(eq(areas.code, upper)).limit(1);
  if (!area) throw validationFailed('Unknown area.', [{ path: 'area', message: `No area with code ${upper}` }]);
  switch (area.kind) {
    case 'ward': return (w) => sql`${w} = ${upper}`;
    case 'constituency': return (w) => sql`${w} in (select wc.ward_code from ward_constituencies wc where wc.constituency_code = ${upper})`;
    case 'local_authority': return (w) => sql`${w} in (select a.code from areas a where a.kind = 'ward' and a.local_authority_code = ${upper})`;
    case 'country': return null;
    default: return (w) => sql`${w} in (select wc.ward_code from ward_constituencies wc join areas c on c.code = wc.constituency_code
      where c.parent_code = ${upper} or c.parent_code in (select r.code from areas r where r.parent_code = ${upper}))`;
  }
}
