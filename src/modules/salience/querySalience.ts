import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { sourceRows, type SalienceSource, type SourceFilter } from './sources.ts';
import { SUPPRESSION_THRESHOLD, type CountCell, type SalienceView } from './views.ts';

export const TIME_ZONE = 'Europe/London';
const MAX_ISSUES = 100;
const MAX_WARDS = 10_000;
const TREND_SERIES = 5;
// One collator for every comparison: String.localeCompare builds one per call, far too slow for thousands of wards.
const collator = new Intl.Collator('en-GB');

export interface SalienceQuery extends SourceFilter {
  sources: SalienceSource[];
  /** Units whose records count as "inside" for the caller: those they hold a grant on themselves. */
  localUnits: string[];
  issueId?: string;
}

export interface AggRow {
  g: number;
  ward_code: string | null;
  issue_id: string | null;
  week: string | null;
  n: number;
  all_local: boolean;
}

// grouping(ward_code, issue_id, week): a bit is set for each column aggregated away.
export const G = { total: 7, issue: 5, issueWeek: 4, ward: 3, wardIssue: 1 } as const;

const shown = (n: number, allLocal: boolean) => n >= SUPPRESSION_THRESHOLD || allLocal;
const cellOf = (r: { n: number; all_local: boolean } | undefined): CountCell =>
  !r ? { people: 0, suppressed: false } : shown(r.n, r.all_local) ? { people: r.n, suppressed: false } : { people: null, suppressed: true };

export type SalienceFigures = Omit<SalienceView, 'orgId' | 'sources' | 'from' | 'to' | 'threshold' | 'suppression' | 'summary'>;

/**
 * Issue salience: distinct people raising each issue, by week and by ward, from the chosen
 * sources, in one pass over the raised rows (grouping sets). A count is suppressed when it is
 * under the threshold and any row behind it belongs to a unit the caller holds no grant on
 * themselves (they see it from above or beside, not from inside). Only counts leave here.
 */
export async function querySalience(db: Db, q: SalienceQuery): Promise<SalienceFigures> {
  const rows = sql.join(q.sources.map((s) => sourceRows[s](q)), sql` union all `);
  // One large aggregate: compiling it (JIT) costs more than it saves, and its sorts should stay in memory.
  const agg = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return execute<AggRow>(tx, sql`
    with r as (
      select s.ward_code, s.issue_id, s.person_key,
        (date_trunc('week', s.occurred_at at time zone ${TIME_ZONE}))::date::text as week,
        s.unit_id = any(${arrayParam(q.localUnits)}::uuid[]) as local
      from (${rows}) s
      where s.issue_id not in (select x.id from issues x where x.org_id = ${q.orgId} and x.status = 'rejected')
    ),
    agg as (
      select grouping(ward_code, issue_id, week)::int as g, ward_code, issue_id, week, count(distinct person_key)::int as n, bool_and(local) as all_local
      from r group by grouping sets ((), (issue_id), (issue_id, week), (ward_code), (ward_code, issue_id))
    ),
    ranked as (
      select agg.*, row_number() over (partition by ward_code order by n desc, issue_id) as rk
      from agg where g = ${G.wardIssue}::int
    )
    select g, ward_code, issue_id, week, n, all_local from agg where g <> ${G.wardIssue}::int
    union all
    select g, ward_code, issue_id, week, n, all_local from ranked where rk = 1 ${q.issueId ? sql`or issue_id = ${q.issueId}::uuid` : sql``}`);
  });

  const trend = agg.filter((r) => r.g === G.issueWeek);
  return assembleSalience(db, q, agg.filter((r) => r.g !== G.issueWeek), async (ids) => trend.filter((r) => ids.includes(r.issue_id!)));
}

/**
 * The answer from aggregate rows (per issue, overall, per ward, per ward and issue: at least each
 * ward's leading issues and the chosen one), with `trendOf` giving the weekly rows of the issues
 * shown. Shared by the live query and the precomputed summaries.
 */
export async function assembleSalience(db: Db, q: { from: string; to: string; issueId?: string }, agg: AggRow[], trendOf: (issueIds: string[]) => Promise<AggRow[]>, knownNames?: Map<string, string>): Promise<SalienceFigures> {
  const by = (g: number) => agg.filter((r) => r.g === g);
  const issueRows = by(G.issue);
  const refs = await issueRefs(db, issueRows.map((r) => r.issue_id!));
  const listed = issueRows
    .map((r) => ({ issue: refs.get(r.issue_id!)!, ...cellOf(r) }))
    .filter((r) => r.issue)
    // Suppressed counts go last in label order, so the ranking says nothing about them.
    .sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (a.suppressed ? 0 : b.people! - a.people!) || collator.compare(a.issue.label, b.issue.label));
  const top = listed.filter((r) => !r.suppressed);
  const chosen = q.issueId ?? top[0]?.issue.id ?? null;

  const weeks = weekStarts(q.from, q.to);
  const seriesIds = q.issueId ? [q.issueId] : top.slice(0, TREND_SERIES).map((r) => r.issue.id);
  const trendCells = new Map((await trendOf(seriesIds)).map((r) => [`${r.issue_id}|${r.week}`, r]));
  const wardTotals = by(G.ward).filter((r) => r.ward_code !== null);
  const wardIssue = new Map<string, AggRow[]>();
  for (const r of by(G.wardIssue)) {
    if (r.ward_code === null) continue;
    const list = wardIssue.get(r.ward_code);
    if (list) list.push(r);
    else wardIssue.set(r.ward_code, [r]);
  }
  const names = knownNames ?? await wardNames(db, wardTotals.map((r) => r.ward_code!));
  const nameOf = (r: AggRow) => names.get(r.ward_code!) ?? r.ward_code!;
  const wards = wardTotals.sort((a, b) => collator.compare(nameOf(a), nameOf(b))).slice(0, MAX_WARDS).map((w) => {
    const cells = wardIssue.get(w.ward_code!) ?? [];
    // The issue most people raised here, named only when its count may be shown.
    const best = [...cells].sort((a, b) => b.n - a.n || (a.issue_id! < b.issue_id! ? -1 : 1))[0];
    return {
      wardCode: w.ward_code!,
      wardName: names.get(w.ward_code!) ?? null,
      total: cellOf(w),
      issue: cellOf(chosen ? cells.find((x) => x.issue_id === chosen) : undefined),
      topIssue: best && shown(best.n, best.all_local) ? { issueId: best.issue_id!, ...cellOf(best) } : null,
    };
  });
  return {
    totalPeople: cellOf(by(G.total)[0]),
    issues: listed.slice(0, MAX_ISSUES),
    issuesTruncated: listed.length > MAX_ISSUES,
    trend: { weeks, series: seriesIds.map((id) => ({ issueId: id, points: weeks.map((wk) => cellOf(trendCells.get(`${id}|${wk}`))) })) },
    byWard: { issueId: chosen, wards, wardsTruncated: wardTotals.length > MAX_WARDS },
  };
}

/**
 * Weekly distinct people for a few issues, from the raised rows (the live trend). Counting
 * needs no owning unit, so it can be read from an index alone; which unit owns the rows is
 * looked up only for the few weeks whose counts are small enough for suppression to matter.
 */
export async function rawTrend(db: Db, q: SalienceQuery, issueIds: string[]): Promise<AggRow[]> {
  if (issueIds.length === 0) return [];
  const rows = sql.join(q.sources.map((s) => sourceRows[s](q)), sql` union all `);
  const week = sql`(date_trunc('week', s.occurred_at at time zone ${TIME_ZONE}))::date::text`;
  const counts = await execute<AggRow>(db, sql`
    select ${G.issueWeek}::int as g, null::text as ward_code, s.issue_id, ${week} as week, count(distinct s.person_key)::int as n, true as all_local
    from (${rows}) s where s.issue_id = any(${arrayParam(issueIds)}::uuid[]) group by 2, 3, 4`);
  const small = counts.filter((c) => c.n < SUPPRESSION_THRESHOLD);
  if (small.length === 0) return counts;
  // One branch per small week, each an index range on time, in one statement.
  const byWeek = new Map<string, string[]>();
  for (const c of small) byWeek.set(c.week!, [...(byWeek.get(c.week!) ?? []), c.issue_id!]);
  const weekRange = (w: string) => sql`s.occurred_at >= (${w}::date::timestamp at time zone ${TIME_ZONE}) and s.occurred_at < ((${w}::date + 7)::timestamp at time zone ${TIME_ZONE})`;
  const owned = await execute<{ issue_id: string; week: string; all_local: boolean }>(db, sql.join([...byWeek].map(([w, ids]) => sql`
    (select s.issue_id, ${w}::text as week, bool_and(s.unit_id = any(${arrayParam(q.localUnits)}::uuid[])) as all_local
     from (${rows}) s where s.issue_id = any(${arrayParam(ids)}::uuid[]) and ${weekRange(w)} group by 1)`), sql` union all `));
  const local = new Map(owned.map((o) => [`${o.issue_id}|${o.week}`, o.all_local]));
  return counts.map((c) => (c.n < SUPPRESSION_THRESHOLD ? { ...c, all_local: local.get(`${c.issue_id}|${c.week}`) ?? false } : c));
}

/** Mondays from the week of `from` up to the week before `to` (dates, YYYY-MM-DD). */
export function weekStarts(from: string, to: string): string[] {
  const start = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  const out: string[] = [];
  for (let t = start.getTime(); t < end; t += 7 * 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

async function issueRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map();
  const rows = await execute<{ id: string; label: string; status: 'proposed' | 'approved' | 'rejected'; category_id: string | null; category_label: string | null }>(db, sql`
    select i.id, i.label, i.status, i.category_id, c.label as category_label from issues i left join issue_categories c on c.id = i.category_id
    where i.id = any(${arrayParam(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, { id: r.id, label: r.label, status: r.status, categoryId: r.category_id, categoryLabel: r.category_label }]));
}

async function wardNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await execute<{ code: string; name: string }>(db, sql`select code, name from areas where code = any(${arrayParam(codes)}::text[])`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

