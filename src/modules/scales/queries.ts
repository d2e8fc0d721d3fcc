import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { scales } from './schema.ts';

/** An organisation's scales in display order (a handful; capped all the same). */
export async function listScales(db: Db, orgId: string, includeArchived: boolean) {
  return db.select().from(scales).where(and(eq(scales.orgId, orgId), includeArchived ? undefined : isNull(scales.archivedAt)))
    .orderBy(asc(scales.sortOrder), asc(scales.label)).limit(500);
}

/** Live scales of an organisation by key, in one query. */
export async function scalesByKey(db: Db, orgId: string, keys: string[]) {
  if (keys.length === 0) return new Map<string, typeof scales.$inferSelect>();
  const rows = await db.select().from(scales).where(and(eq(scales.orgId, orgId), inArray(scales.key, keys), isNull(scales.archivedAt)));
  return new Map(rows.map((r) => [r.key, r]));
}

/** One scale of the given organisations, or undefined. */
export async function findScale(db: Db, id: string, orgIds: string[]) {
  if (orgIds.length === 0) return undefined;
  const [row] = await db.select().from(scales).where(and(eq(scales.id, id), inArray(scales.orgId, orgIds))).limit(1);
  return row;
}
