import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { forbidden } from '../../server/errors.ts';
import { can, type Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { checkTimes, FieldErrors, resolveTime } from './checkEventDetails.ts';
import type { LoadedEvent } from './policy.ts';
import { events } from './schema.ts';
import { formatLocal } from './zonedTime.ts';

/**
 * A copy of an event at a new time: same details, hosts and questions, no RSVPs, not part of
 * any series. The caller needs events.manage on the unit (hosting the original is not enough).
 */
export async function duplicateEvent(tx: Db, actor: Actor, loaded: LoadedEvent, body: { startsAt: string; endsAt?: string }, requestId?: string): Promise<string> {
  if (!can(actor, 'events.manage', loaded.unitPath)) throw forbidden();
  const e = loaded.event;
  const errors = new FieldErrors();
  let endsAt = body.endsAt;
  if (!endsAt) {
    const start = resolveTime(body.startsAt, e.timeZone);
    endsAt = typeof start === 'string' ? body.startsAt : formatLocal(new Date(start.getTime() + (e.endsAt.getTime() - e.startsAt.getTime())), e.timeZone);
  }
  const times = checkTimes(errors, body.startsAt, endsAt, e.timeZone);
  errors.throwIfAny();
  const id = crypto.randomUUID();
  const { id: _id, seriesId: _s, seriesPosition: _p, status: _st, cancelReason: _r, cancelledAt: _c, sequence: _q, createdAt: _ca, updatedAt: _u, ...copy } = e;
  await tx.insert(events).values({ ...copy, id, startsAt: times!.start, endsAt: times!.end, createdBy: actor.accountId, updatedBy: actor.accountId });
  await execute(tx, sql`insert into event_hosts (event_id, account_id, org_id) select ${id}, account_id, org_id from event_hosts where event_id = ${e.id}`);
  await recordAudit(tx, { actorAccountId: actor.accountId, action: 'event.create', entityType: 'event', entityId: id, orgId: e.orgId, unitId: e.unitId, changes: { duplicateOf: e.id }, requestId });
  return id;
}
