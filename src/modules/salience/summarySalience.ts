import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { assembleSalience, type AggRow, type SalienceQuery, G } from './querySalience.ts';
import { SUPPRESSION_THRESHOLD, type SalienceView } from './views.ts';

export interface SummaryQuery extends Omit<SalienceQuery, 'unitWhere'> {
  /** The units whose subtrees make up the scope (disjoint). */
  roots: string[];
  periodDays: number;
  asOf: string;
}

/**
 * Salience for a standard period from the precomputed cells: the same answer shape as the live
 * query, from a few thousand rows whatever the scope. Rankings, totals and wards come from the
 * period's cells; the trend from the weekly cells (or, with an area, from the raised rows of the
 * issues shown). A cell counts as "inside" for suppression when its people all belong to one
 * owning unit on which the caller holds a role.
 */
export async function summarySalience(db: Db, q: SummaryQuery, liveTrend: (issueIds: string[]) => Promise<AggRow[]>): Promise<Omit<SalienceView, 'orgId' | 'sources' | 'from' | 'to' | 'threshold' | 'suppression' | 'summary'>> {
  const local = sql`coalesce(c.owner_unit_id = any(${arrayParam(q.localUnits)}::uuid[]), false)`;
  const base = sql`c.org_id = ${q.orgId} and c.period_days = ${q.periodDays}::int and c.as_of = ${q.asOf}::date and c.scope_unit_id = any(${arrayParam(q.roots)}::uuid[])`;
  const wardsOnly = sql`c.ward_code not in ('', '?')`;
  const area = (col: SQL) => (q.wardWhere ? sql`${wardsOnly} and ${q.wardWhere(col)}` : sql`c.ward_code = ''`);
  const wardCells = (which: SQL, named = false) => execute<AggRow & { ward_name?: string | null }>(db, sql`
    select case when c.issue_id is null then ${G.ward}::int else ${G.wardIssue}::int end as g, c.ward_code, c.issue_id, null::text as week,
      sum(c.people)::int as n, bool_and(${local}) as all_local${named ? sql`, (select a.name from areas a where a.code = c.ward_code) as ward_name` : sql``}
    from salience_cells c where ${base} and ${wardsOnly} ${q.wardWhere ? sql`and ${q.wardWhere(sql`c.ward_code`)}` : sql``} and ${which}
    group by c.ward_code, c.issue_id`);
  // Ranking and total: the all-wards cells, or the area's ward cells added up.
  const totals = await execute<AggRow>(db, sql`
    select case when c.issue_id is null then ${G.total}::int else ${G.issue}::int end as g, null::text as ward_code, c.issue_id, null::text as week,
      sum(c.people)::int as n, bool_and(${local}) as all_local
    from salience_cells c where ${base} and ${area(sql`c.ward_code`)} group by c.issue_id`);
  // Per ward: everyone, each ward's leading issues, and the issue the ward column counts.
  const chosen = q.issueId ? [q.issueId] : topShown(totals);
  const wards = (await Promise.all([
    wardCells(sql`c.issue_id is null`, true),
    wardCells(sql`c.rank = 1`),
    chosen.length > 0 ? wardCells(sql`c.issue_id = any(${arrayParam(chosen)}::uuid[])`) : Promise.resolve([]),
  ])).flat();
  const names = new Map(wards.filter((w) => w.g === G.ward && w.ward_name).map((w) => [w.ward_code!, w.ward_name!]));
  return assembleSalience(db, q, [...totals, ...wards], async (issueIds) => {
    if (issueIds.length === 0) return [];
    if (q.wardWhere) return liveTrend(issueIds);
    return execute<AggRow>(db, sql`
      select ${G.issueWeek}::int as g, null::text as ward_code, c.issue_id, c.week::text as week, sum(c.people)::int as n, bool_and(${local}) as all_local
      from salience_week_cells c
      where c.org_id = ${q.orgId} and c.scope_unit_id = any(${arrayParam(q.roots)}::uuid[]) and c.issue_id = any(${arrayParam(issueIds)}::uuid[])
        and c.week >= (date_trunc('week', ${q.from}::date::timestamp))::date and c.week < ${q.to}::date
      group by c.issue_id, c.week`);
  }, names);
}

/** The issues with most people among counts shown (ties included): one of them is the ward column's default. */
function topShown(rows: AggRow[]): string[] {
  const shownRows = rows.filter((r) => r.g === G.issue && (r.n >= SUPPRESSION_THRESHOLD || r.all_local));
  const most = Math.max(0, ...shownRows.map((r) => r.n));
  return shownRows.filter((r) => r.n === most).map((r) => r.issue_id!);
}
