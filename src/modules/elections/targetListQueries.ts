import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../server/errors.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { units } from '../units/schema.ts';
import { elections, targetListSeats, targetLists } from './schema.ts';

export interface TargetListRow {
  id: string;
  orgId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  election: string;
  name: string;
  notes: string;
  basis: Record<string, unknown>;
  seatCount: number;
  createdAt: Date;
  /** The creation time as the database holds it, for cursors. */
  cursorAt: string;
}

const columns = {
  id: targetLists.id, orgId: targetLists.orgId, unitId: targetLists.unitId, unitName: units.name, unitPath: units.path,
  election: elections.name, name: targetLists.name, notes: targetLists.notes, basis: targetLists.basis, createdAt: targetLists.createdAt,
  cursorAt: sql<string>`${targetLists.createdAt}::text`,
  seatCount: sql<number>`(select count(*)::int from target_list_seats s where s.target_list_id = ${targetLists.id})`,
};

/** Target lists of units the actor may read, newest first, optionally of one unit; scoped in SQL. */
export async function listTargetLists(db: Db, actor: Actor, opts: { unitId?: string; limit: number; after: [string, string] | null }): Promise<TargetListRow[]> {
  return db
    .select(columns)
    .from(targetLists)
    .innerJoin(units, eq(units.id, targetLists.unitId))
    .innerJoin(elections, eq(elections.id, targetLists.electionId))
    .where(
      and(
        inScope(actor, 'targets.read', targetLists.unitId),
        opts.unitId ? eq(targetLists.unitId, opts.unitId) : undefined,
        // Compared as database timestamps (microseconds), which a JS Date would truncate.
        opts.after ? sql`(${targetLists.createdAt}, ${targetLists.id}) < (${opts.after[0]}::timestamptz, ${opts.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(targetLists.createdAt), desc(targetLists.id))
    .limit(opts.limit + 1);
}

/** One target list with its seats in priority order, or 404. */
export async function getTargetList(db: Db, id: string): Promise<TargetListRow & { seats: string[] }> {
  const [row] = await db
    .select(columns)
    .from(targetLists)
    .innerJoin(units, eq(units.id, targetLists.unitId))
    .innerJoin(elections, eq(elections.id, targetLists.electionId))
    .where(eq(targetLists.id, id));
  if (!row) throw notFound('Target list');
  const seats = await db.select({ code: targetListSeats.constituencyCode }).from(targetListSeats).where(eq(targetListSeats.targetListId, id)).orderBy(asc(targetListSeats.position));
  return { ...row, seats: seats.map((s) => s.code) };
}
