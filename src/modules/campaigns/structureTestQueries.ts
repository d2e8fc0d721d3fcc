import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { campaignManageable, campaignVisible } from './policy.ts';
import { iso } from './present.ts';
import { percentOf, progressOf, type SegmentCount } from './structureProgress.ts';
import type { StructureTestStatus } from './structureTestSchema.ts';
import type { StructureTestSummaryView, StructureTestView } from './structureTestViews.ts';

interface TestRow {
  id: string; campaign_id: string; title: string; counts_what: string; threshold_pct: number; quota: number | null; status: StructureTestStatus;
  public_override_reason: string | null; can_manage: boolean; created_at: string; updated_at: string;
}

/** Segments of some tests with how many people are counted in each, by name. */
export async function segmentCounts(db: Db, testIds: string[]): Promise<Map<string, SegmentCount[]>> {
  const out = new Map<string, SegmentCount[]>(testIds.map((id) => [id, []]));
  if (testIds.length === 0) return out;
  const rows = await execute<{ test_id: string; id: string; name: string; size: number; counted: number }>(db, sql`
    select s.test_id, s.id, s.name, s.size, (select count(*) from structure_test_tallies y where y.segment_id = s.id)::int as counted
    from structure_test_segments s where s.test_id = any(${arrayParam(testIds)}::uuid[])
    order by lower(s.name), s.id`);
  for (const r of rows) out.get(r.test_id)!.push({ id: r.id, name: r.name, size: r.size, counted: r.counted });
  return out;
}

/** Tests of one campaign the actor may see (campaigns.read on its unit or above, in SQL). */
function testRows(db: Db, actor: Actor, campaignId: string, testId?: string) {
  return execute<TestRow>(db, sql`
    select t.id, t.campaign_id, t.title, t.counts_what, t.threshold_pct, t.quota, t.status, t.public_override_reason,
      ${campaignManageable(actor, 'c')} as can_manage, t.created_at, t.updated_at
    from structure_tests t join campaigns c on c.id = t.campaign_id
    where t.campaign_id = ${campaignId} and ${campaignVisible(actor, 'c')} ${testId ? sql`and t.id = ${testId}` : sql``}
    order by t.created_at desc, t.id desc limit 200`);
}

function summary(r: TestRow, segments: SegmentCount[]) {
  const p = progressOf(segments, r.threshold_pct);
  const view: StructureTestSummaryView = {
    id: r.id, campaignId: r.campaign_id, title: r.title, countsWhat: r.counts_what, thresholdPct: r.threshold_pct, quota: r.quota, status: r.status,
    publicOverrideReason: r.public_override_reason, overall: p.overall, segmentCount: p.segments.length, segmentsMeeting: p.segmentsMeeting, goPublic: p.goPublic,
    canManage: r.can_manage, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
  return { view, progress: p };
}

export async function listStructureTests(db: Db, actor: Actor, campaignId: string): Promise<StructureTestSummaryView[]> {
  const rows = await testRows(db, actor, campaignId);
  const segs = await segmentCounts(db, rows.map((r) => r.id));
  return rows.map((r) => summary(r, segs.get(r.id)!).view);
}

/**
 * One test with per-segment progress, each volunteer's count against the quota and the latest
 * counts. A counted person is named only within the caller's people.read scope.
 */
export async function readStructureTest(db: Db, actor: Actor, campaignId: string, testId: string, unitPath: string): Promise<StructureTestView | null> {
  const [row] = await testRows(db, actor, campaignId, testId);
  if (!row) return null;
  const { view, progress } = summary(row, (await segmentCounts(db, [testId])).get(testId)!);
  const volunteers = await execute<{ collected_by: string | null; name: string | null; counted: number }>(db, sql`
    select y.collected_by, a.display_name as name, count(*)::int as counted
    from structure_test_tallies y left join accounts a on a.id = y.collected_by
    where y.test_id = ${testId} group by y.collected_by, a.display_name
    order by count(*) desc, lower(a.display_name), y.collected_by`);
  const counts = await execute<{ person_id: string; name: string | null; segment_id: string; collected_by: string | null; collected_at: string }>(db, sql`
    select y.person_id, case when p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)} then trim(p.first_name || ' ' || p.last_name) end as name,
      y.segment_id, y.collected_by, y.collected_at
    from structure_test_tallies y join people p on p.id = y.person_id
    where y.test_id = ${testId} order by y.collected_at desc, y.person_id limit 200`);
  const me = auditActorId(actor);
  return {
    ...view,
    segments: progress.segments,
    volunteers: volunteers.map((v) => ({
      accountId: v.collected_by, name: v.name ?? 'An account no longer here', counted: v.counted, quota: row.quota,
      percent: row.quota ? percentOf(v.counted, row.quota) : null, metQuota: row.quota ? v.counted >= row.quota : null,
    })),
    counts: counts.map((c) => ({
      personId: c.person_id, name: c.name, segmentId: c.segment_id, collectedBy: c.collected_by, collectedAt: iso(c.collected_at),
      canRemove: row.can_manage || (me !== null && c.collected_by === me),
    })),
    canCount: can(actor, 'people.update', unitPath) && (row.status === 'running' || row.status === 'public'),
  };
}
