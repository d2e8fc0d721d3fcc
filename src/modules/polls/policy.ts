import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { AppError, forbidden, notFound } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { eventManageable, loadEventFor } from '../events/policy.ts';
import { orgsWith } from '../people/orgScope.ts';
import { units } from '../units/schema.ts';
import { pollSessions, programmes } from './schema.ts';

/**
 * SQL condition "the actor may see programme `p`": events.read on its unit's subtree, or
 * managing (or hosting) one of its meetings, so a branch host sees the questions they ask.
 */
export function programmeVisible(actor: Actor, alias = 'p'): SQL {
  const p = sql.raw(alias);
  const orgs = orgsWith(actor, ['events.read', 'events.manage']);
  if (orgs.length === 0) return sql`false`;
  return sql`(${p}.org_id = any(${arrayParam(orgs)}::uuid[]) and (${inScope(actor, 'events.read', sql`${p}.unit_id`)}
    or exists (select 1 from programme_meetings pm join events e on e.id = pm.event_id where pm.programme_id = ${p}.id and ${eventManageable(actor, 'e')})))`;
}

/** SQL condition "the actor may see meeting `e`'s poll results": they may read its unit, or manage or host it. */
export function meetingResultsVisible(actor: Actor, alias = 'e'): SQL {
  const e = sql.raw(alias);
  return sql`(${inScope(actor, 'events.read', sql`${e}.unit_id`)} or ${eventManageable(actor, alias)})`;
}

export type ProgrammeRow = typeof programmes.$inferSelect;

/** A programme the caller may see (404 otherwise); for `manage`, events.manage on its unit (403 otherwise). */
export async function loadProgrammeFor(db: Db, actor: Actor, id: string, action: 'read' | 'manage', lock = false): Promise<ProgrammeRow & { unitPath: string }> {
  if (lock) await db.execute(sql`select 1 from programmes where id = ${id} for update`);
  const [row] = await db
    .select({ programme: programmes, unitPath: units.path })
    .from(programmes)
    .innerJoin(units, eq(units.id, programmes.unitId))
    .where(sql`${programmes.id} = ${id} and ${programmeVisible(actor, 'programmes')}`);
  if (!row) throw notFound('Programme');
  if (action === 'manage' && !can(actor, 'events.manage', row.unitPath)) throw forbidden();
  return { ...row.programme, unitPath: row.unitPath };
}

/** A poll session whose meeting the caller manages or hosts; a session of a meeting they cannot see is a 404. */
export async function loadSessionFor(db: Db, actor: Actor, sessionId: string) {
  const [s] = await db.select().from(pollSessions).where(eq(pollSessions.id, sessionId));
  if (!s) throw notFound('Poll');
  try {
    await loadEventFor(db, actor, s.eventId, 'manage');
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound('Poll');
    throw err;
  }
  return s;
}
