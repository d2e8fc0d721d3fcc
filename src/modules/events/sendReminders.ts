import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { AppContext } from '../../server/context.ts';
import { eventMessage } from './eventMail.ts';

interface Due {
  id: string;
  name: string;
  email: string;
  event_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  mode: 'in_person' | 'online' | 'both';
  address: string | null;
  postcode: string | null;
  online_url: string | null;
  accessibility_notes: string;
  unit_name: string;
}

const BATCH = 200;

/** RSVPs whose reminder is due at `asOf`: a place, an email, the event scheduled, not started, within its reminder window, not yet reminded. */
function dueRsvps(db: Db, asOf: Date, afterId: string | null): Promise<Due[]> {
  return execute<Due>(db, sql`
    select r.id, r.name, r.email, e.id as event_id, e.title, e.starts_at, e.ends_at, e.time_zone, e.mode, e.address, e.postcode, e.online_url,
      e.accessibility_notes, u.name as unit_name
    from events e
    join event_rsvps r on r.event_id = e.id and r.status = 'going' and r.reminder_sent_at is null and r.email is not null
    join units u on u.id = e.unit_id
    where e.status = 'scheduled' and e.reminder_hours is not null
      and e.starts_at > ${asOf.toISOString()}::timestamptz
      and e.starts_at <= ${asOf.toISOString()}::timestamptz + make_interval(hours => e.reminder_hours)
      ${afterId ? sql`and r.id > ${afterId}::uuid` : sql``}
    order by r.id
    limit ${BATCH}`);
}

/**
 * Sends every reminder due, each exactly once: an RSVP is claimed (its `reminder_sent_at`
 * set, only if still empty) in the same transaction that writes the message to the outbox, so
 * two runs at once or a rerun after a crash never send one twice. Returns how many were sent.
 */
export async function sendReminders(ctx: Pick<AppContext, 'db' | 'config' | 'secret' | 'mailer'>, asOf = new Date()): Promise<number> {
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const due = await dueRsvps(ctx.db, asOf, after);
    for (const d of due) {
      await ctx.db.transaction(async (tx) => {
        const claimed = await execute<{ id: string }>(tx, sql`update event_rsvps set reminder_sent_at = now() where id = ${d.id} and reminder_sent_at is null and status = 'going' returning id`);
        if (claimed.length === 0) return;
        const msg = eventMessage('reminder', ctx.config, ctx.secret, {
          id: d.event_id, title: d.title, startsAt: new Date(d.starts_at), endsAt: new Date(d.ends_at), timeZone: d.time_zone, mode: d.mode,
          address: d.address, postcode: d.postcode, onlineUrl: d.online_url, accessibilityNotes: d.accessibility_notes, unitName: d.unit_name,
        }, d);
        if (msg) {
          await ctx.mailer.send(tx, msg);
          sent++;
        }
      });
    }
    if (due.length < BATCH) return sent;
    after = due[due.length - 1]!.id;
  }
}
