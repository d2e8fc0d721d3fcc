import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { countColumn, inPersonSet, metricCountsSql, type PersonSet } from './ladderFacts.ts';
import type { LadderLevel } from './levels.ts';
import { windowsOf } from './rules.ts';

export interface RecomputeResult {
  /** person_ladder rows written (only people whose standing changed). */
  written: number;
  /** level changes recorded in the history. */
  moved: number;
}

/** SQL for the id of the level earned from the count columns of `metricCountsSql` (alias `c`). */
function earnedLevelSql(levels: LadderLevel[]): SQL {
  if (levels.length === 0) return sql`null::uuid`;
  const windows = windowsOf(levels);
  const holds = levels.map((l) => sql.join(l.rule.all.map((cond) => {
    const col = countColumn(windows, { metric: cond.metric, withinDays: cond.withinDays ?? null });
    return sql`coalesce(c.${sql.identifier(col)}, 0) >= ${cond.atLeast}::int`;
  }), sql` and `));
  // Rung by rung: level k needs its own rule and every rule below it.
  const branches = levels.map((l, k) => sql`when ${sql.join(holds.slice(0, k + 1).map((h) => sql`(${h})`), sql` and `)} then ${l.id}::uuid`).reverse();
  return sql`case ${sql.join(branches, sql` `)} else null::uuid end`;
}

/**
 * Recomputes the standing of the people in `set` (one organisation) in one statement: counts
 * their activity, takes the earned level, ends manual overrides whose computed level has since
 * changed, writes only the rows that change and records each change of level in the history.
 * The same statement serves the incremental update after activity and each batch of a full
 * recompute, so the two cannot disagree. `asOf` (default: the transaction's time) dates the windows.
 */
export async function recomputeLadderSet(db: Db, orgId: string, levels: LadderLevel[], set: PersonSet, asOf?: Date): Promise<RecomputeResult> {
  const at = asOf ? sql`${asOf.toISOString()}::timestamptz` : sql`now()`;
  const windows = windowsOf(levels);
  const [row] = await execute<RecomputeResult>(db, sql`
    with counts as (${metricCountsSql(orgId, set, windows, at)}),
    computed as (
      select p.id as person_id, ${earnedLevelSql(levels)} as computed_level_id
      from people p left join counts c on c.person_id = p.id
      where ${inPersonSet(set, sql`p.id`)} and p.org_id = ${orgId} and p.deleted_at is null
    ),
    nxt as (
      select c.person_id, c.computed_level_id, cur.person_id is not null as existed,
        cur.level_id as old_level_id, cur.computed_level_id as old_computed_level_id, coalesce(cur.manual_set, false) as old_manual_set,
        coalesce(cur.manual_set, false) and cur.manual_base_level_id is not distinct from c.computed_level_id as keep_manual,
        cur.manual_level_id
      from computed c left join person_ladder cur on cur.person_id = c.person_id
    ),
    fin as (
      select *, case when keep_manual then manual_level_id else computed_level_id end as level_id from nxt
    ),
    changed as (
      select * from fin
      where (existed and (old_computed_level_id is distinct from computed_level_id or old_level_id is distinct from level_id or old_manual_set <> keep_manual))
         or (not existed and computed_level_id is not null)
    ),
    up as (
      insert into person_ladder (person_id, org_id, level_id, computed_level_id, manual_set, updated_at)
      select person_id, ${orgId}::uuid, level_id, computed_level_id, keep_manual, now() from changed
      on conflict (person_id) do update set
        level_id = excluded.level_id, computed_level_id = excluded.computed_level_id, manual_set = excluded.manual_set, updated_at = excluded.updated_at,
        manual_level_id = case when excluded.manual_set then person_ladder.manual_level_id end,
        manual_base_level_id = case when excluded.manual_set then person_ladder.manual_base_level_id end,
        manual_reason = case when excluded.manual_set then person_ladder.manual_reason end,
        manual_by = case when excluded.manual_set then person_ladder.manual_by end,
        manual_at = case when excluded.manual_set then person_ladder.manual_at end
      returning 1
    ),
    hist as (
      insert into ladder_history (org_id, person_id, from_level_id, to_level_id, from_position, to_position, reason, note, changed_at)
      select ${orgId}::uuid, ch.person_id, ch.old_level_id, ch.level_id, lf.position, lt.position, 'computed',
        case when ch.old_manual_set and not ch.keep_manual then 'Manual level ended: the computed level changed.' end, now()
      from changed ch left join ladder_levels lf on lf.id = ch.old_level_id left join ladder_levels lt on lt.id = ch.level_id
      where ch.old_level_id is distinct from ch.level_id
      returning 1
    )
    select (select count(*) from up)::int as written, (select count(*) from hist)::int as moved`);
  return row ?? { written: 0, moved: 0 };
}

/**
 * Locks the people of `set` (in id order, so concurrent recomputes queue instead of
 * deadlocking) for the rest of the transaction. `for no key update` does not conflict with
 * the key-share locks that inserting their conversations takes.
 */
export async function lockPeople(tx: Db, orgId: string, set: PersonSet): Promise<void> {
  await tx.execute(sql`select 1 from people where ${inPersonSet(set, sql`id`)} and org_id = ${orgId} order by id for no key update`);
}
