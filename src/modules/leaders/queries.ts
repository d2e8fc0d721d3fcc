import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { conversationSensitiveSql, conversationVisibleSql } from '../conversations/policy.ts';
import { accountNames } from '../conversations/present.ts';
import type { SensitiveReads } from '../conversations/sensitiveReads.ts';
import { levelRefs } from '../ladder/queries.ts';
import { LEADER_WEIGHTS, type LeaderSignal, type LeaderView } from './views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const W = LEADER_WEIGHTS;

interface Row {
  id: string; first_name: string; last_name: string; unit_id: string; ward_code: string | null;
  recruited: number; brought: number; held: number; attended: number; kept: number; score: number; assessment_points: number;
  a_value: number | null; a_scale_key: string | null; a_scale_label: string | null; a_labels: Record<string, string> | null; a_at: Date | string | null;
  a_conversation: string | null; a_org: string | null; a_unit: string | null; level_id: string | null;
  dev_id: string | null; dev_mentor: string | null; dev_note: string | null; dev_since: Date | string | null;
}

/**
 * Potential leaders among the people matched by `peopleWhere` (SQL over `people`, carrying the
 * caller's scope) in one organisation, ranked by an explainable score over the last `days`:
 * people they recruited and brought, one-to-ones they held (through a linked account) and
 * attended, commitments kept, and their latest organising assessment where the caller may read
 * it (noted in `reads` for the audit). One query for the page.
 */
export async function listLeaders(db: Db, actor: Actor, orgId: string, peopleWhere: SQL, days: number, limit: number, cursor: string | undefined, reads: SensitiveReads) {
  const after = decodeCursor(cursor, 2) as [number, string] | null;
  if (after && (typeof after[0] !== 'number' || !Number.isInteger(after[0]) || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const since = sql`now() - make_interval(days => ${days}::int)`;
  const rows = await execute<Row>(db, sql`
    with cand as (
      select people.id, people.first_name, people.last_name, people.unit_id, people.ward_code from people where people.org_id = ${orgId} and ${peopleWhere}
    ),
    rec as (
      select r.person_id, count(distinct r.other_person_id) filter (where r.type = 'recruited')::int as recruited,
        count(distinct r.other_person_id) filter (where r.type = 'brought')::int as brought
      from relationships r join cand on cand.id = r.person_id
      where r.type in ('recruited', 'brought') and coalesce(r.occurred_on::timestamp at time zone 'UTC', r.created_at) >= ${since}
      group by r.person_id
    ),
    held as (
      select a.person_id, count(distinct co.conversation_id)::int as n from cand join accounts a on a.person_id = cand.id
      join conversation_organisers co on co.account_id = a.id and co.kind = 'one_to_one' and co.deleted_at is null and co.occurred_at >= ${since} and co.org_id = ${orgId}
      join conversations hc on hc.id = co.conversation_id and hc.outcome = 'spoke' and hc.deleted_at is null
      group by a.person_id
    ),
    attended as (
      select cp.person_id, count(distinct cp.conversation_id)::int as n from conversation_people cp join cand on cand.id = cp.person_id
      where cp.kind = 'one_to_one' and cp.outcome = 'spoke' and cp.deleted_at is null and cp.occurred_at >= ${since}
      group by cp.person_id
    ),
    kept as (
      select k.person_id, count(*)::int as n from commitments k join cand on cand.id = k.person_id
      where k.status = 'kept' and k.deleted_at is null and coalesce(k.marked_at, k.updated_at) >= ${since}
      group by k.person_id
    ),
    assessed as (
      select distinct on (assessments.person_id) assessments.person_id, assessments.value, assessments.assessed_at, s.key as scale_key, s.label as scale_label, s.point_labels,
        conversations.id as conversation_id, conversations.org_id, conversations.unit_id,
        case when s.max_value = s.min_value then 0
          else round(${W.organising_assessment}::numeric * (case when s.higher_is_better then assessments.value - s.min_value else s.max_value - assessments.value end) / (s.max_value - s.min_value))::int end as points
      from assessments join cand on cand.id = assessments.person_id
      join scales s on s.id = assessments.scale_id and s.kind = 'organising'
      join conversations on conversations.id = assessments.conversation_id
      where assessments.deleted_at is null and ${conversationVisibleSql(actor)} and ${conversationSensitiveSql(actor)}
      order by assessments.person_id, assessments.assessed_at desc, assessments.id desc
    ),
    scored as (
      select cand.*, coalesce(rec.recruited, 0) as recruited, coalesce(rec.brought, 0) as brought, coalesce(held.n, 0) as held,
        coalesce(attended.n, 0) as attended, coalesce(kept.n, 0) as kept, coalesce(assessed.points, 0) as assessment_points,
        (${W.recruited} * coalesce(rec.recruited, 0) + ${W.brought} * coalesce(rec.brought, 0) + ${W.one_to_ones_held} * coalesce(held.n, 0)
          + ${W.one_to_ones_attended} * coalesce(attended.n, 0) + ${W.commitments_kept} * coalesce(kept.n, 0) + coalesce(assessed.points, 0))::int as score,
        assessed.value as a_value, assessed.scale_key as a_scale_key, assessed.scale_label as a_scale_label, assessed.point_labels as a_labels,
        assessed.assessed_at as a_at, assessed.conversation_id as a_conversation, assessed.org_id as a_org, assessed.unit_id as a_unit
      from cand
      left join rec on rec.person_id = cand.id left join held on held.person_id = cand.id left join attended on attended.person_id = cand.id
      left join kept on kept.person_id = cand.id left join assessed on assessed.person_id = cand.id
    )
    select scored.*, pl.level_id, ld.id as dev_id, ld.mentor_account_id as dev_mentor, ld.note as dev_note, ld.started_at as dev_since
    from scored
    left join person_ladder pl on pl.person_id = scored.id
    left join leader_development ld on ld.person_id = scored.id and ld.ended_at is null
    where scored.score > 0 ${after ? sql`and (scored.score < ${after[0]}::int or (scored.score = ${after[0]}::int and scored.id > ${after[1]}::uuid))` : sql``}
    order by scored.score desc, scored.id
    limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [r.score, r.id]);
  const [refs, names] = await Promise.all([
    levelRefs(db, page.items.map((r) => r.level_id)),
    accountNames(db, page.items.flatMap((r) => (r.dev_mentor ? [r.dev_mentor] : []))),
  ]);
  const items = page.items.map((r): LeaderView => {
    const counts: [LeaderSignal, number][] = [['recruited', r.recruited], ['brought', r.brought], ['one_to_ones_held', r.held], ['one_to_ones_attended', r.attended], ['commitments_kept', r.kept]];
    const reasons = counts.filter(([, n]) => n > 0).map(([signal, count]) => ({ signal, count, points: count * W[signal] }));
    if (r.a_value !== null && r.assessment_points > 0) reasons.push({ signal: 'organising_assessment', count: r.a_value, points: r.assessment_points });
    if (r.a_conversation) reads.add([r.id], r.a_conversation, r.a_org!, r.a_unit!, ['assessments']);
    return {
      person: { id: r.id, firstName: r.first_name, lastName: r.last_name, unitId: r.unit_id, wardCode: r.ward_code },
      score: r.score,
      reasons: reasons.sort((a, b) => b.points - a.points),
      assessment: r.a_value === null ? null : {
        scaleKey: r.a_scale_key!, scaleLabel: r.a_scale_label!, value: r.a_value, valueLabel: r.a_labels?.[String(r.a_value)] ?? null, assessedAt: new Date(r.a_at!).toISOString(),
      },
      level: r.level_id ? refs.get(r.level_id) ?? null : null,
      development: r.dev_id ? { id: r.dev_id, mentor: { id: r.dev_mentor!, displayName: names.get(r.dev_mentor!) ?? '' }, note: r.dev_note, since: new Date(r.dev_since!).toISOString() } : null,
    };
  });
  return { items, nextCursor: page.nextCursor };
}
