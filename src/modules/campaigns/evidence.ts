import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { rolePermissions } from '../accounts/permissions.ts';
import { wardsInArea } from '../salience/areaWards.ts';
import { todayHere } from '../salience/refreshSalience.ts';
import { salienceSources, sourceRows } from '../salience/sources.ts';
import { SUPPRESSION_THRESHOLD } from '../salience/views.ts';
import type { LoadedCampaign } from './policy.ts';
import type { EvidenceView } from './present.ts';

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const SUPPRESSION = `Counts of fewer than ${SUPPRESSION_THRESHOLD} people are withheld unless every record behind them belongs to a unit you hold a role on yourself.`;

/**
 * The listening evidence for a campaign's issue: how many people raised it, and how many times,
 * in records owned by the campaign's unit and below (within the caller's salience scope), among
 * people living in the campaign's areas, over the year to today. It reads the same sources as
 * issue salience (conversations, and meetings once they add theirs) and applies the same rule
 * (decision 0006): a count under the threshold is withheld unless every record behind it
 * belongs to a unit the caller holds salience.read on directly. Only counts leave here.
 */
export async function listeningEvidence(db: Db, actor: Actor, loaded: LoadedCampaign, days = 365): Promise<EvidenceView> {
  const c = loaded.campaign;
  const to = dateOf(Date.parse(todayHere()) + DAY);
  const from = dateOf(Date.parse(to) - days * DAY);
  const areaRows = await execute<{ area_code: string }>(db, sql`select area_code from campaign_areas where campaign_id = ${c.id} order by area_code`);
  const areaCodes = areaRows.map((r) => r.area_code);
  const issue = c.issueId ? (await execute<{ id: string; label: string; status: 'proposed' | 'approved' | 'rejected' }>(db, sql`select id, label, status from issues where id = ${c.issueId}`))[0] ?? null : null;
  const empty = { people: null, records: null, suppressed: false };
  const base = { campaignId: c.id, issue, from, to, areas: areaCodes, threshold: SUPPRESSION_THRESHOLD, suppression: SUPPRESSION };
  if (!issue || !can(actor, 'salience.read', loaded.unitPath)) return { ...base, available: false, total: empty, bySource: [] };

  // Wards of every area the campaign covers; an area covering the whole country drops the condition.
  const wardConds: ((w: SQL) => SQL)[] = [];
  let everywhere = areaCodes.length === 0;
  for (const code of areaCodes) {
    const cond = await wardsInArea(db, code);
    if (cond === null) everywhere = true;
    else wardConds.push(cond);
  }
  const filter = {
    orgId: c.orgId, from, to,
    unitWhere: (col: SQL) => sql`${inScope(actor, 'salience.read', col)} and ${col} in (select u.id from units u where u.path like ${`${loaded.unitPath}%`})`,
    wardWhere: everywhere ? null : (w: SQL) => sql`(${sql.join(wardConds.map((f) => f(w)), sql` or `)})`,
  };
  const localUnits = actor.grants.filter((g) => g.orgId === c.orgId && rolePermissions[g.role].includes('salience.read')).map((g) => g.unitId);
  const rows = sql.join(salienceSources.map((s) => sql`select ${s}::text as source, r.* from (${sourceRows[s](filter)}) r`), sql` union all `);
  const counts = await execute<{ source: string | null; people: number; records: number; all_local: boolean | null }>(db, sql`
    select s.source, count(distinct s.person_key)::int as people, count(*)::int as records, bool_and(s.unit_id = any(${arrayParam(localUnits)}::uuid[])) as all_local
    from (${rows}) s where s.issue_id = ${issue.id}
    group by grouping sets ((), (s.source))`);
  const cell = (r: { people: number; records: number; all_local: boolean | null } | undefined) => {
    if (!r || r.people === 0) return { people: 0, records: 0, suppressed: false };
    return r.people >= SUPPRESSION_THRESHOLD || r.all_local ? { people: r.people, records: r.records, suppressed: false } : { people: null, records: null, suppressed: true };
  };
  const total = counts.find((r) => r.source === null);
  return {
    ...base, available: true, total: cell(total),
    bySource: salienceSources.map((s) => ({ source: s, ...cell(counts.find((r) => r.source === s)) })),
  };
}
