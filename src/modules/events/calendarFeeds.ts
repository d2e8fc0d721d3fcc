import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import { accounts } from '../accounts/schema.ts';
import { icalendar, type IcalEvent } from './ical.ts';
import { publicEventUrl, type EventListRow } from './present.ts';
import { eventsWhere } from './queries.ts';
import { calendarFeeds, events } from './schema.ts';

/** Feeds cover events from this long ago onwards, at most FEED_LIMIT of them. */
const FEED_PAST_DAYS = 90;
export const FEED_LIMIT = 500;

const hostOf = (config: Pick<Config, 'publicUrl'>) => new URL(config.publicUrl).host;

/** An event as a calendar entry. Online links go only to people who have a place (`withLink`). */
export function toIcalEvent(e: EventListRow, config: Pick<Config, 'publicUrl'>, withLink: boolean): IcalEvent {
  const where = e.mode === 'online' ? null : [e.address, e.postcode].filter(Boolean).join(', ');
  const online = e.mode !== 'in_person' && withLink ? e.onlineUrl : null;
  const location = [where, online].filter(Boolean).join(' · ') || (e.mode === 'online' ? 'Online' : null);
  const description = [e.description, e.accessibilityNotes ? `Access: ${e.accessibilityNotes}` : '', e.cancelReason ? `Cancelled: ${e.cancelReason}` : ''].filter(Boolean).join('\n\n');
  return {
    id: e.id, title: e.title, description, startsAt: new Date(e.startsAt), endsAt: new Date(e.endsAt), location,
    url: e.visibility === 'public' ? publicEventUrl(config, e.id) : `${config.publicUrl}/events/${e.id}`,
    status: e.status, sequence: e.sequence, createdAt: new Date(e.createdAt), updatedAt: new Date(e.updatedAt),
  };
}

export const calendarOf = (config: Pick<Config, 'publicUrl'>, name: string, list: EventListRow[], withLink: boolean) =>
  icalendar(name, hostOf(config), list.map((e) => toIcalEvent(e, config, withLink)));

const recent = sql`${events.endsAt} >= now() - make_interval(days => ${FEED_PAST_DAYS})`;

/** Public events of a unit and the units below it. */
export function unitPublicEvents(db: Db, unitId: string): Promise<EventListRow[]> {
  return eventsWhere(db, and(
    sql`${events.unitId} in (select d.id from units d where d.path like (select p.path from units p where p.id = ${unitId}) || '%')`,
    eq(events.visibility, 'public'),
    recent,
  )!, FEED_LIMIT);
}

/** The account whose private feed this token opens (live tokens of enabled accounts only). */
export async function feedAccount(db: Db, secret: string, token: string): Promise<{ id: string; displayName: string; personId: string | null } | null> {
  const [row] = await db
    .select({ id: accounts.id, displayName: accounts.displayName, personId: accounts.personId })
    .from(calendarFeeds)
    .innerJoin(accounts, eq(accounts.id, calendarFeeds.accountId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(secret, token)), isNull(calendarFeeds.revokedAt), isNull(accounts.disabledAt)));
  return row ?? null;
}

/**
 * An account's own calendar: events it hosts in organisations where it still holds a role, and
 * events the person linked to it has a place at or is waiting for.
 */
export async function personalEvents(db: Db, account: { id: string; personId: string | null }): Promise<EventListRow[]> {
  return eventsWhere(db, and(recent, sql`(
    exists (select 1 from event_hosts h where h.event_id = ${events.id} and h.account_id = ${account.id}
      and exists (select 1 from role_grants g join units u on u.id = g.unit_id where g.account_id = ${account.id} and u.org_id = ${events.orgId}))
    or exists (select 1 from event_rsvps r where r.event_id = ${events.id} and r.person_id = ${account.personId ?? null}::uuid and r.status in ('going', 'waitlisted'))
  )`)!, FEED_LIMIT);
}

/** A new private feed URL for the account; any earlier one stops working. The token is shown once. */
export async function renewFeed(tx: Db, accountId: string, secret: string): Promise<string> {
  await revokeFeeds(tx, accountId);
  const token = newToken('cal_');
  await tx.insert(calendarFeeds).values({ accountId, tokenHash: hashToken(secret, token) });
  return token;
}

/** Stops every private feed URL of the account. Returns how many were live. */
export async function revokeFeeds(tx: Db, accountId: string): Promise<number> {
  const rows = await execute<{ id: string }>(tx, sql`update calendar_feeds set revoked_at = now() where account_id = ${accountId} and revoked_at is null returning id`);
  return rows.length;
}

/** Whether the account has a live private feed. */
export async function hasFeed(db: Db, accountId: string): Promise<boolean> {
  const [row] = await db.select({ id: calendarFeeds.id }).from(calendarFeeds).where(and(eq(calendarFeeds.accountId, accountId), isNull(calendarFeeds.revokedAt))).limit(1);
  return !!row;
}
