import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { inScope, type Actor } from '../accounts/actor.ts';

/** The period organising is counted in: from `since` (inclusive) to `until` (inclusive), as dates. */
export interface OrganisingWindow {
  since: string | null;
  until: string | null;
}

/**
 * One kind of organising record counted per constituency. Each domain that records organising
 * (conversations, events, …) adds a source here; a source whose records do not exist yet says
 * so (`available: false`) instead of counting zero, so nobody mistakes "not recorded" for "none".
 */
export interface OrganisingSource {
  key: string;
  label: string;
  /** Whether a count means "organising happened" (activity) or describes where organising is set up (presence). */
  kind: 'presence' | 'activity';
  available: boolean;
  count(db: Db, actor: Actor, codes: string[], window: OrganisingWindow): Promise<Map<string, number>>;
}

const endOf = (until: string | null) => (until ? sql`${until}::date + 1` : sql`'infinity'::timestamptz`);
const startOf = (since: string | null) => (since ? sql`${since}::date` : sql`'-infinity'::timestamptz`);

/** Units covering each seat (directly, or through a ward of it) that existed by the end of the window. */
const coveringUnits = (codes: string[], actor: Actor, until: string | null, organisersOnly: boolean) => {
  const paths = actor.grants.map((g) => `${g.unitPath}%`);
  return sql`
    with cover as (
      select ua.unit_id, ua.area_code as code from unit_areas ua where ua.area_code = any(${arrayParam(codes)}::text[])
      union
      select ua.unit_id, wc.constituency_code from unit_areas ua join ward_constituencies wc on wc.ward_code = ua.area_code
      where wc.constituency_code = any(${arrayParam(codes)}::text[])
    )
    select cover.code, ${organisersOnly ? sql`count(distinct g.account_id)` : sql`count(distinct u.id)`}::int as n
    from cover join units u on u.id = cover.unit_id
    ${organisersOnly ? sql`join role_grants g on g.unit_id = u.id and g.role = 'organiser' and g.created_at < ${endOf(until)}` : sql``}
    where u.path like any(${arrayParam(paths.length ? paths : ['-'])}::text[]) and u.created_at < ${endOf(until)}
    group by cover.code`;
};

const toMap = (rows: { code: string; n: number }[]) => new Map(rows.map((r) => [r.code, r.n]));
/** What Tredegar records today; a domain that records organising adds its source here. */
export const organisingSources: OrganisingSource[] = [
  {
    key: 'units', label: 'Units covering the seat', kind: 'presence', available: true,
    count: async (db, actor, codes, w) => toMap(await execute(db, coveringUnits(codes, actor, w.until, false))),
  },
  {
    key: 'organisers', label: 'Organisers assigned to a unit covering the seat', kind: 'activity', available: true,
    count: async (db, actor, codes, w) => toMap(await execute(db, coveringUnits(codes, actor, w.until, true))),
  },
  {
    key: 'people', label: 'People recorded in the seat', kind: 'activity', available: true,
    count: async (db, actor, codes, w) =>
      toMap(
        await execute(db, sql`
          select p.constituency_code as code, count(*)::int as n from people p
          where p.deleted_at is null and p.constituency_code = any(${arrayParam(codes)}::text[])
            and p.created_at >= ${startOf(w.since)} and p.created_at < ${endOf(w.until)}
            and ${inScope(actor, 'people.read', sql`p.unit_id`)}
          group by p.constituency_code`),
      ),
  },
  {
    // Conversations that happened (outcome "spoke"), placed in the seat of the person spoken to; aggregates only.
    key: 'conversations', label: 'Conversations and one-to-ones held', kind: 'activity', available: true,
    count: async (db, actor, codes, w) =>
      toMap(
        await execute(db, sql`
          select p.constituency_code as code, count(*)::int as n
          from conversations c join people p on p.id = c.person_id
          where c.deleted_at is null and c.outcome = 'spoke' and p.constituency_code = any(${arrayParam(codes)}::text[])
            and c.occurred_at >= ${startOf(w.since)} and c.occurred_at < ${endOf(w.until)}
            and ${inScope(actor, 'conversations.read', sql`c.unit_id`)}
          group by p.constituency_code`),
      ),
  },
  {
    // Events held in person in the seat (not cancelled) that started in the window, of every kind
    // (actions included); online-only events have no place and do not count. Aggregates only.
    key: 'events', label: 'Events and actions run', kind: 'activity', available: true,
    count: async (db, actor, codes, w) =>
      toMap(
        await execute(db, sql`
          select e.constituency_code as code, count(*)::int as n from events e
          where e.status = 'scheduled' and e.constituency_code = any(${arrayParam(codes)}::text[])
            and e.starts_at >= ${startOf(w.since)} and e.starts_at < ${endOf(w.until)} and e.starts_at <= now()
            and ${inScope(actor, 'events.read', sql`e.unit_id`)}
          group by e.constituency_code`),
      ),
  },
];

export interface SeatOrganising {
  code: string;
  /** Count per source key; null where the source is not recorded yet. */
  counts: Record<string, number | null>;
  organised: boolean;
}

/**
 * Organising per constituency from Tredegar's own records, scoped to what the actor may see.
 * A seat counts as organised when it has at least `minActivity` activity records in the window
 * (organisers assigned, people recorded, conversations held and events run).
 */
export async function organisingBySeat(db: Db, actor: Actor, codes: string[], window: OrganisingWindow, minActivity = 1): Promise<SeatOrganising[]> {
  if (codes.length === 0 || actor.grants.length === 0) return [];
  const counted = await Promise.all(organisingSources.map(async (s) => [s, s.available ? await s.count(db, actor, codes, window) : null] as const));
  const out: SeatOrganising[] = [];
  for (const code of codes) {
    const counts: Record<string, number | null> = {};
    let activity = 0;
    let any = false;
    for (const [s, m] of counted) {
      const n = m ? (m.get(code) ?? 0) : null;
      counts[s.key] = n;
      if (n) any = true;
      if (s.kind === 'activity' && n) activity += n;
    }
    if (any) out.push({ code, counts, organised: activity >= minActivity });
  }
  return out;
}

/** Words that go with figures from Tredegar's records, saying what they do and do not count. */
export function recordsDescription(window: OrganisingWindow, minActivity: number): string {
  const missing = organisingSources.filter((s) => !s.available).map((s) => s.label.toLowerCase());
  return (
    `Organising is taken from Tredegar's own records between ${window.since ?? 'the start'} and ${window.until ?? 'today'}: a seat counts as organised ` +
    `when at least ${minActivity} ${minActivity === 1 ? 'organiser was assigned, person recorded, conversation held or event run' : 'organisers assigned, people recorded, conversations held and events run, together,'} there. ${missing.length ? `${cap(missing.join(' and '))} are not recorded in Tredegar yet, so they do not count. ` : ''}` +
    'People and wards are placed on the current (2024) constituency boundaries, so for elections on the 2010 boundaries only units that cover a 2010 constituency directly, and seats whose code did not change, can count.'
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
