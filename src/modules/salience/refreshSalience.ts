import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { TIME_ZONE } from './querySalience.ts';

/** The standard periods kept precomputed, in days up to the end of the summary's day. */
export const SUMMARY_PERIODS = [30, 90, 365] as const;
/** Weeks of trend kept: the longest period the API accepts. */
const WEEKS_BACK_DAYS = 731;

/** Today's date in the organisation's time zone (YYYY-MM-DD). */
export const todayHere = (now = new Date()) => now.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });

const dayStart = (date: string, minusDays: number) => sql`((${date}::date + 1 - ${minusDays}::int)::timestamp at time zone ${TIME_ZONE})`;

/** Raised issues of an organisation in [from, to) from every source (rejected issues left out), as the raw salience query counts them. */
const raised = (orgId: string, from: SQL, to: SQL) => sql`
  select x.person_id, x.issue_id, x.unit_id, coalesce(x.ward_code, '?') as ward_code, x.occurred_at from (
    select ci.person_id, ci.issue_id, ci.unit_id, ci.ward_code, ci.occurred_at from conversation_issues ci
    where ci.org_id = ${orgId} and ci.deleted_at is null and ci.occurred_at >= ${from} and ci.occurred_at < ${to}
    union all
    select mp.person_id, mp.issue_id, mp.unit_id, mp.ward_code, mp.occurred_at from meeting_issue_people mp
    where mp.org_id = ${orgId} and mp.occurred_at >= ${from} and mp.occurred_at < ${to}
  ) x
  where x.issue_id not in (select i.id from issues i where i.org_id = ${orgId} and i.status = 'rejected')`;

// Every unit on the owning unit's path, so a subtree's cells are read from its top unit alone.
const ancestors = sql`cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as anc`;
const owner = sql`case when min(a.unit_id::text) = max(a.unit_id::text) then min(a.unit_id::text)::uuid end`;

/**
 * Rebuilds an organisation's salience summaries for the day `asOf` (default today) in one
 * transaction: for each standard period, each person counted once per issue (and once for "any
 * issue") in the unit and ward of their latest raising in the period, with cells for every
 * ancestor unit; and weekly cells for two years of trend. Returns seconds taken.
 */
export async function refreshSalience(db: Db, orgId: string, asOf = todayHere()): Promise<number> {
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from organisations where id = ${orgId} for update`);
    await tx.execute(sql`delete from salience_cells where org_id = ${orgId}`);
    await tx.execute(sql`delete from salience_week_cells where org_id = ${orgId}`);
    for (const days of SUMMARY_PERIODS) {
      await tx.execute(sql`
        insert into salience_cells (org_id, period_days, as_of, scope_unit_id, ward_code, issue_id, people, owner_unit_id, rank)
        with r as (${raised(orgId, dayStart(asOf, days), dayStart(asOf, 0))}),
        assigned as (
          (select distinct on (person_id, issue_id) person_id, issue_id, unit_id, ward_code from r order by person_id, issue_id, occurred_at desc)
          union all
          (select distinct on (person_id) person_id, null::uuid, unit_id, ward_code from r order by person_id, occurred_at desc)
        ),
        cells as (
          select anc::uuid as scope_unit_id, coalesce(a.ward_code, '') as ward_code, a.issue_id, count(*)::int as people, ${owner} as owner_unit_id,
            grouping(a.ward_code) as all_wards
          from assigned a join units u on u.id = a.unit_id ${ancestors}
          group by grouping sets ((anc, a.ward_code, a.issue_id), (anc, a.issue_id))
        )
        select ${orgId}::uuid, ${days}::int, ${asOf}::date, scope_unit_id, ward_code, issue_id, people, owner_unit_id,
          case when issue_id is not null and all_wards = 0 then row_number() over (partition by scope_unit_id, ward_code, all_wards, issue_id is null order by people desc, issue_id)::int end
        from cells`);
    }
    await tx.execute(sql`
      insert into salience_week_cells (org_id, week, scope_unit_id, issue_id, people, owner_unit_id)
      with r as (
        select *, (date_trunc('week', occurred_at at time zone ${TIME_ZONE}))::date as week
        from (${raised(orgId, dayStart(asOf, WEEKS_BACK_DAYS + 7), dayStart(asOf, 0))}) x
      ),
      assigned as (
        (select distinct on (week, person_id, issue_id) week, person_id, issue_id, unit_id from r order by week, person_id, issue_id, occurred_at desc)
        union all
        (select distinct on (week, person_id) week, person_id, null::uuid, unit_id from r order by week, person_id, occurred_at desc)
      )
      select ${orgId}::uuid, a.week, anc::uuid, a.issue_id, count(*)::int, ${owner}
      from assigned a join units u on u.id = a.unit_id ${ancestors}
      group by a.week, anc, a.issue_id`);
    // Fresh statistics, so lookups in the new cells are planned for their real size.
    await tx.execute(sql`analyze salience_cells, salience_week_cells`);
    const seconds = Math.max(1, Math.round((performance.now() - t0) / 1000));
    await tx.execute(sql`
      insert into salience_refreshes (org_id, as_of, refreshed_at, seconds) values (${orgId}, ${asOf}::date, now(), ${seconds})
      on conflict (org_id) do update set as_of = excluded.as_of, refreshed_at = excluded.refreshed_at, seconds = excluded.seconds`);
  });
  return (performance.now() - t0) / 1000;
}
