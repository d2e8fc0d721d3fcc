import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { orgsWith } from '../people/orgScope.ts';
import { units } from '../units/schema.ts';
import type { EventRow } from './present.ts';
import { events } from './schema.ts';

/**
 * SQL condition "the actor may see event `e`": an event of their unit subtree (events.read),
 * or a public or members-only event of an organisation in which they hold events.read.
 */
export function eventVisible(actor: Actor, alias = 'e'): SQL {
  const e = sql.raw(alias);
  const orgs = orgsWith(actor, ['events.read']);
  if (orgs.length === 0) return sql`false`;
  return sql`(${e}.org_id = any(${arrayParam(orgs)}::uuid[]) and (${e}.visibility in ('public', 'members') or ${inScope(actor, 'events.read', sql`${e}.unit_id`)}))`;
}

/** SQL condition "the actor may manage event `e`": events.manage on its unit, or hosting it. */
export function eventManageable(actor: Actor, alias = 'e'): SQL {
  const e = sql.raw(alias);
  return sql`(${inScope(actor, 'events.manage', sql`${e}.unit_id`)} or exists (select 1 from event_hosts h where h.event_id = ${e}.id and h.account_id = ${actor.accountId}))`;
}

export interface LoadedEvent {
  event: EventRow;
  unitPath: string;
  isHost: boolean;
}

/**
 * Loads an event for reading or managing. One the caller cannot see is a 404 (a guessed id
 * confirms nothing); one they see but may not manage is a 403. With `lock`, the row is locked
 * so RSVPs, cancellations and edits of one event queue up.
 */
export async function loadEventFor(db: Db, actor: Actor, id: string, action: 'read' | 'manage', lock = false): Promise<LoadedEvent> {
  if (lock) await db.execute(sql`select 1 from events where id = ${id} for update`);
  const [row] = await db
    .select({
      event: events,
      unitPath: units.path,
      isHost: sql<boolean>`exists (select 1 from event_hosts h where h.event_id = ${events.id} and h.account_id = ${actor.accountId})`,
    })
    .from(events)
    .innerJoin(units, eq(units.id, events.unitId))
    .where(and(eq(events.id, id), eventVisible(actor, 'events')));
  if (!row) throw notFound('Event');
  if (action === 'manage' && !row.isHost && !can(actor, 'events.manage', row.unitPath)) throw forbidden();
  return row;
}
