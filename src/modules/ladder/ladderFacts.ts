import { sql, type SQL } from 'drizzle-orm';
import { arrayParam } from '../../db/arrayParam.ts';
import { windowKey, type LadderMetric, type MetricWindow } from './rules.ts';

/**
 * The people a recompute covers: a list of ids (incremental, after activity) or a range of ids
 * (a batch of a full recompute, `to` exclusive, null for "to the end").
 */
export type PersonSet = { ids: string[] } | { from: string; to: string | null };

/** SQL condition "`column` is in the set". */
export function inPersonSet(set: PersonSet, column: SQL): SQL {
  if ('ids' in set) return sql`${column} = any(${arrayParam(set.ids)}::uuid[])`;
  return set.to === null ? sql`${column} >= ${set.from}::uuid` : sql`${column} >= ${set.from}::uuid and ${column} < ${set.to}::uuid`;
}

type FactsSql = (orgId: string, inSet: (column: SQL) => SQL) => SQL;

const participated = (kind: 'any' | 'one_to_one'): FactsSql => (orgId, inSet) => sql`
  select cp.person_id, cp.occurred_at as at, cp.conversation_id as k from conversation_people cp
  where ${inSet(sql`cp.person_id`)} and cp.org_id = ${orgId} and cp.deleted_at is null and cp.outcome = 'spoke'
    ${kind === 'one_to_one' ? sql`and cp.kind = 'one_to_one'` : sql``}`;

// Organisers are accounts; an account linked to a person (accounts.person_id) holds conversations as them.
const held: FactsSql = (orgId, inSet) => sql`
  select a.person_id, co.occurred_at as at, co.conversation_id as k from accounts a
  join conversation_organisers co on co.account_id = a.id and co.deleted_at is null and co.kind = 'one_to_one' and co.org_id = ${orgId}
  join conversations c on c.id = co.conversation_id and c.outcome = 'spoke' and c.deleted_at is null
  where ${inSet(sql`a.person_id`)}`;

const linked = (type: 'recruited' | 'brought'): FactsSql => (orgId, inSet) => sql`
  select r.person_id, coalesce(r.occurred_on::timestamp at time zone 'UTC', r.created_at) as at, r.other_person_id as k from relationships r
  join people o on o.id = r.other_person_id and o.deleted_at is null
  where ${inSet(sql`r.person_id`)} and r.org_id = ${orgId} and r.type = ${type}`;

// Attendance is a check-in at an event that was not cancelled, dated by when the event started.
const attended = (kind: 'any' | 'action'): FactsSql => (orgId, inSet) => sql`
  select r.person_id, e.starts_at as at, e.id as k from event_rsvps r
  join events e on e.id = r.event_id and e.status = 'scheduled' ${kind === 'action' ? sql`and e.kind = 'action'` : sql``}
  where ${inSet(sql`r.person_id`)} and r.org_id = ${orgId} and r.checked_in_at is not null`;

/**
 * Each metric as SQL yielding facts `(person_id, at, k)`: the person it counts for, when it
 * happened, and the thing counted (distinct `k` are counted, so a one-to-one held and attended
 * by the same person counts once).
 */
const factsOf: Record<LadderMetric, FactsSql> = {
  conversations: participated('any'),
  one_to_ones: (orgId, inSet) => sql`${participated('one_to_one')(orgId, inSet)} union all ${held(orgId, inSet)}`,
  one_to_ones_held: held,
  people_recruited: linked('recruited'),
  people_brought: linked('brought'),
  commitments_kept: (orgId, inSet) => sql`
    select c.person_id, coalesce(c.marked_at, c.updated_at) as at, c.id as k from commitments c
    where ${inSet(sql`c.person_id`)} and c.org_id = ${orgId} and c.status = 'kept' and c.deleted_at is null`,
  events_attended: attended('any'),
  actions_attended: attended('action'),
  // Named in a campaign action's evaluation as a leader who stepped up, dated by the action (London day).
  actions_led: (orgId, inSet) => sql`
    select l.person_id, ca.action_on::timestamp at time zone 'Europe/London' as at, ca.id as k from campaign_action_leaders l
    join campaign_actions ca on ca.id = l.action_id and ca.status = 'done'
    where ${inSet(sql`l.person_id`)} and l.org_id = ${orgId}`,
};

/** Column name of a window's count in `metricCountsSql`. */
export const countColumn = (windows: MetricWindow[], w: MetricWindow) => `c${windows.findIndex((x) => windowKey(x) === windowKey(w))}`;

/**
 * Per person of the set with any activity: one count column (`c0`, `c1`, …) per window, counted
 * as of `asOf` (SQL timestamptz). People without activity have no row.
 */
export function metricCountsSql(orgId: string, set: PersonSet, windows: MetricWindow[], asOf: SQL): SQL {
  const metrics = [...new Set(windows.map((w) => w.metric))];
  if (metrics.length === 0) return sql`select null::uuid as person_id where false`;
  const inSet = (column: SQL) => inPersonSet(set, column);
  const facts = sql.join(metrics.map((m, i) => sql`select ${i}::int as m, f.person_id, f.at, f.k from (${factsOf[m](orgId, inSet)}) f`), sql` union all `);
  const columns = windows.map((w, i) => {
    const since = w.withinDays === null ? sql`` : sql` and at >= ${asOf} - make_interval(days => ${w.withinDays}::int)`;
    return sql`count(distinct k) filter (where m = ${metrics.indexOf(w.metric)}::int${since})::int as ${sql.identifier(`c${i}`)}`;
  });
  return sql`select person_id, ${sql.join(columns, sql`, `)} from (${facts}) facts group by person_id`;
}
