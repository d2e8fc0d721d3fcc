import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadEventFor } from './policy.ts';

/**
 * Saves a meeting's minutes (those who run it: events.manage on its unit, or a host), replacing
 * what was there; empty text clears them. One transaction holding the event row, audited with
 * the length only (the text is the record itself).
 */
export async function saveMinutes(db: Db, actor: Actor, eventId: string, text: string, requestId: string) {
  return db.transaction(async (tx) => {
    const { event } = await loadEventFor(tx, actor, eventId, 'manage', true);
    const trimmed = text.trim();
    if (trimmed === '') await execute(tx, sql`delete from meeting_minutes where event_id = ${eventId}`);
    else {
      await execute(tx, sql`
        insert into meeting_minutes (event_id, org_id, unit_id, text, updated_by, updated_at)
        values (${eventId}, ${event.orgId}, ${event.unitId}, ${trimmed}, ${auditActorId(actor)}, now())
        on conflict (event_id) do update set text = excluded.text, updated_by = excluded.updated_by, updated_at = now()`);
    }
    await recordAudit(tx, {
      actorAccountId: auditActorId(actor), action: 'meeting.minutes_save', entityType: 'event', entityId: eventId,
      orgId: event.orgId, unitId: event.unitId, changes: { length: trimmed.length }, requestId,
    });
    const [row] = await execute<{ text: string; updated_at: string | Date; by: string | null }>(tx, sql`
      select m.text, m.updated_at, a.display_name as by from meeting_minutes m left join accounts a on a.id = m.updated_by where m.event_id = ${eventId}`);
    return row ? { text: row.text, updatedAt: new Date(row.updated_at).toISOString(), updatedBy: row.by } : null;
  });
}
