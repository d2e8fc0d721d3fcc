import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { notPickableMessage, pickableAccountSql } from '../accounts/pickableAccounts.ts';
import type { EventRow } from '../events/present.ts';

/**
 * Refuses any of `ids` that is neither a host of the event nor an account the directory offers
 * the caller for "facilitate" within the event's unit subtree (`GET /api/accounts/directory?can=facilitate&unit=…`),
 * so the host's picker and this check agree. One query.
 */
export async function checkFacilitators(db: Db, actor: Actor, event: EventRow, ids: string[], pathOf: (i: number) => string): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const inUnit = sql`u.org_id = ${event.orgId} and u.path like (select p.path from units p where p.id = ${event.unitId}) || '%'`;
  const rows = await execute<{ id: string }>(db, sql`
    select a.id from accounts a where a.id = any(${arrayParam(unique)}::uuid[])
      and (${pickableAccountSql(actor, 'facilitate', inUnit)} or exists (select 1 from event_hosts h where h.event_id = ${event.id} and h.account_id = a.id))`);
  const known = new Set(rows.map((r) => r.id));
  const errors = ids.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id)).map((x) => ({ path: pathOf(x.i), message: notPickableMessage.facilitate }));
  if (errors.length > 0) throw validationFailed('A facilitator cannot be chosen.', errors);
}
