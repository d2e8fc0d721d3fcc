import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { eventVisible } from '../events/policy.ts';
import type { ActionSummaryView, ActionView } from './actionViews.ts';
import { campaignManageable, campaignVisible } from './policy.ts';
import { iso } from './present.ts';
import type { ActionStatus, ResponseOutcome } from './schema.ts';

interface ActionRow {
  id: string; campaign_id: string; title: string; action_on: string; status: ActionStatus; asks: string[]; turnout_goal: number | null; turnout: number | null;
  response_text: string; response_outcome: ResponseOutcome; went_well: string | null; to_improve: string | null; evaluated_at: string | null;
  event_id: string | null; event_title: string | null; event_starts_at: string | null; event_cancelled: boolean | null; check_ins: number | null;
  target_actor_id: string | null; target_name: string | null; can_manage: boolean; created_at: string; updated_at: string;
}

function presentSummary(r: ActionRow): ActionSummaryView {
  const source = r.turnout !== null ? 'recorded' as const : r.check_ins !== null ? 'check_ins' as const : null;
  return {
    id: r.id, campaignId: r.campaign_id, title: r.title, actionOn: r.action_on, status: r.status,
    event: r.event_id ? { id: r.event_id, title: r.event_title, startsAt: iso(r.event_starts_at!), cancelled: !!r.event_cancelled } : null,
    target: r.target_actor_id ? { actorId: r.target_actor_id, name: r.target_name || 'A person in our records' } : null,
    asks: r.asks, turnoutGoal: r.turnout_goal,
    turnout: { actual: r.turnout ?? r.check_ins, source, recorded: r.turnout, checkIns: r.check_ins },
    responseOutcome: r.response_outcome, evaluated: r.evaluated_at !== null, canManage: r.can_manage, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/**
 * The actions of one campaign the actor may see (campaigns.read on its unit or above, in SQL),
 * latest day first. A target who is a person in our records is named only within the caller's
 * people.read scope; the event's title only if the caller may see the event.
 */
function actionRows(db: Db, actor: Actor, campaignId: string, f: { id?: string; status?: ActionStatus }, limit: number, after: [string, string] | null) {
  return execute<ActionRow>(db, sql`
    select a.id, a.campaign_id, a.title, a.action_on::text as action_on, a.status, a.asks, a.turnout_goal, a.turnout, a.response_text, a.response_outcome,
      a.went_well, a.to_improve, a.evaluated_at, a.created_at, a.updated_at,
      a.event_id, case when ${eventVisible(actor, 'e')} then e.title end as event_title, e.starts_at as event_starts_at, e.status = 'cancelled' as event_cancelled,
      case when a.event_id is not null then (select count(*) from event_rsvps r where r.event_id = a.event_id and r.checked_in_at is not null)::int end as check_ins,
      a.target_actor_id,
      case when x.person_id is null then x.name
           when p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)} then trim(p.first_name || ' ' || p.last_name) end as target_name,
      ${campaignManageable(actor, 'c')} as can_manage
    from campaign_actions a join campaigns c on c.id = a.campaign_id
      left join events e on e.id = a.event_id
      left join power_map_actors x on x.id = a.target_actor_id left join people p on p.id = x.person_id
    where a.campaign_id = ${campaignId} and ${campaignVisible(actor, 'c')}
      ${f.id ? sql`and a.id = ${f.id}` : sql``}
      ${f.status ? sql`and a.status = ${f.status}` : sql``}
      ${after ? sql`and (a.action_on, a.id) < (${after[0]}::date, ${after[1]}::uuid)` : sql``}
    order by a.action_on desc, a.id desc limit ${limit + 1}`);
}

export async function listActions(db: Db, actor: Actor, campaignId: string, f: { status?: ActionStatus }, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const page = pageOf(await actionRows(db, actor, campaignId, f, limit, after), limit, (r) => [r.action_on, r.id]);
  return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
}

/** One action with its response and evaluation; null when out of sight. */
export async function readAction(db: Db, actor: Actor, campaignId: string, actionId: string): Promise<ActionView | null> {
  const [row] = await actionRows(db, actor, campaignId, { id: actionId }, 1, null);
  if (!row) return null;
  const leaders = await execute<{ person_id: string; name: string | null }>(db, sql`
    select l.person_id, case when p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)} then trim(p.first_name || ' ' || p.last_name) end as name
    from campaign_action_leaders l join people p on p.id = l.person_id
    where l.action_id = ${actionId} order by lower(p.first_name), lower(p.last_name), l.person_id`);
  return {
    ...presentSummary(row),
    responseText: row.response_text,
    evaluation: row.evaluated_at ? {
      wentWell: row.went_well ?? '', toImprove: row.to_improve ?? '', evaluatedAt: iso(row.evaluated_at), leaderCount: leaders.length,
      leaders: leaders.filter((l) => l.name !== null).map((l) => ({ personId: l.person_id, name: l.name! })),
    } : null,
  };
}
