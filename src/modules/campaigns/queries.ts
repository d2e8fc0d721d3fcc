import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { phaseIndex } from './phaseRules.ts';
import { campaignManageable, campaignVisible } from './policy.ts';
import { iso, type ActorView, type CampaignSummaryView, type CampaignView, type WinView } from './present.ts';
import type { CampaignPhase } from './schema.ts';

const MAX_ACTORS = 300;
const MAX_TEAM = 500;
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const subtreeOf = (unitId: string, column: SQL) => sql`${column} in (select d.id from units d where d.path like (select p.path from units p where p.id = ${unitId}) || '%')`;

interface SummaryRow {
  id: string; org_id: string; unit_id: string; unit_name: string; title: string; issue_id: string | null; issue_label: string | null; issue_status: 'proposed' | 'approved' | 'rejected' | null;
  phase: CampaignPhase; phase_changed_at: string; deadline: string | null; wins: number; can_manage: boolean; created_at: string;
}

const summaryColumns = (actor: Actor) => sql`
  c.id, c.org_id, c.unit_id, u.name as unit_name, c.title, c.issue_id, i.label as issue_label, i.status as issue_status, c.phase, c.phase_changed_at,
  c.deadline::text as deadline, (select count(*) from wins w where w.campaign_id = c.id)::int as wins, ${campaignManageable(actor, 'c')} as can_manage, c.created_at`;

const presentSummary = (r: SummaryRow): CampaignSummaryView => ({
  id: r.id, orgId: r.org_id, unitId: r.unit_id, unitName: r.unit_name, title: r.title,
  issue: r.issue_id ? { id: r.issue_id, label: r.issue_label!, status: r.issue_status! } : null,
  phase: r.phase, phaseChangedAt: iso(r.phase_changed_at), deadline: r.deadline, wins: r.wins, canManage: r.can_manage, createdAt: iso(r.created_at),
});

export interface CampaignFilter { unit?: string; phase?: CampaignPhase; issue?: string; q?: string }

/** Campaigns the actor may see, newest first, a page at a time; `unit` means that unit and below. */
export async function listCampaigns(db: Db, actor: Actor, f: CampaignFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const rows = await execute<SummaryRow>(db, sql`
    select ${summaryColumns(actor)} from campaigns c join units u on u.id = c.unit_id left join issues i on i.id = c.issue_id
    where ${campaignVisible(actor, 'c')}
      ${f.unit ? sql`and ${subtreeOf(f.unit, sql`c.unit_id`)}` : sql``}
      ${f.phase ? sql`and c.phase = ${f.phase}` : sql``}
      ${f.issue ? sql`and c.issue_id = ${f.issue}` : sql``}
      ${f.q ? sql`and c.title ilike ${likeOf(f.q)}` : sql``}
      ${after ? sql`and (c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by c.created_at desc, c.id desc limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [iso(r.created_at), r.id]);
  return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
}

/** One campaign as the actor sees it, with its areas, phase history and team; null when out of sight. */
export async function readCampaign(db: Db, actor: Actor, id: string): Promise<CampaignView | null> {
  const [row] = await execute<SummaryRow & { description: string; demand: string; goal: string; updated_at: string }>(db, sql`
    select ${summaryColumns(actor)}, c.description, c.demand, c.goal, c.updated_at
    from campaigns c join units u on u.id = c.unit_id left join issues i on i.id = c.issue_id
    where c.id = ${id} and ${campaignVisible(actor, 'c')}`);
  if (!row) return null;
  const [areaRows, history, team] = await Promise.all([
    execute<{ code: string; name: string; kind: string }>(db, sql`select a.code, a.name, a.kind from campaign_areas ca join areas a on a.code = ca.area_code where ca.campaign_id = ${id} order by a.name, a.code`),
    execute<{ from_phase: CampaignPhase | null; to_phase: CampaignPhase; reason: string | null; changed_at: string; changed_by: string | null }>(db, sql`
      select h.from_phase, h.to_phase, h.reason, h.changed_at, a.display_name as changed_by
      from campaign_phase_changes h left join accounts a on a.id = h.changed_by where h.campaign_id = ${id} order by h.changed_at, h.id`),
    execute<{ person_id: string; name: string; role: string; is_leader: boolean }>(db, sql`
      select t.person_id, trim(p.first_name || ' ' || p.last_name) as name, t.role, t.is_leader
      from campaign_team t join people p on p.id = t.person_id
      where t.campaign_id = ${id} and p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}
      order by t.is_leader desc, lower(p.first_name), lower(p.last_name), t.person_id limit ${MAX_TEAM}`),
  ]);
  return {
    ...presentSummary(row), description: row.description, demand: row.demand, goal: row.goal, updatedAt: iso(row.updated_at),
    areas: areaRows,
    history: history.map((h) => ({
      fromPhase: h.from_phase, toPhase: h.to_phase, reason: h.reason, changedAt: iso(h.changed_at), changedBy: h.changed_by,
      direction: h.from_phase === null ? 'start' as const : phaseIndex(h.to_phase) > phaseIndex(h.from_phase) ? 'forward' as const : 'backward' as const,
    })),
    team: team.map((t) => ({ personId: t.person_id, name: t.name, role: t.role, isLeader: t.is_leader })),
  };
}

/**
 * A campaign's power map: actors (most influential first) with the people of ours who know
 * them, and the links between actors. People's names are read from their records, within the
 * caller's people.read scope.
 */
export async function readPowerMap(db: Db, actor: Actor, campaignId: string): Promise<{ actors: ActorView[]; links: { id: string; fromActorId: string; toActorId: string; description: string }[]; truncated: boolean }> {
  const readable = (alias: string) => sql`${sql.raw(alias)}.deleted_at is null and ${inScope(actor, 'people.read', sql`${sql.raw(alias)}.unit_id`)}`;
  const [actorRows, contactRows, links] = await Promise.all([
    execute<{ id: string; kind: 'person' | 'institution'; person_id: string | null; institution_id: string | null; name: string; person_name: string | null; position: string; influence: number; stance: number; self_interest: string; target: 'primary' | 'secondary' | null; notes: string }>(db, sql`
      select x.id, x.kind, x.person_id, x.institution_id, x.name, case when ${readable('p')} then trim(p.first_name || ' ' || p.last_name) end as person_name,
        x.position, x.influence, x.stance, x.self_interest, x.target, x.notes
      from power_map_actors x left join people p on p.id = x.person_id
      where x.campaign_id = ${campaignId} order by x.influence desc, x.stance, x.created_at, x.id limit ${MAX_ACTORS + 1}`),
    execute<{ actor_id: string; person_id: string; name: string; relationship: string }>(db, sql`
      select c.actor_id, c.person_id, trim(p.first_name || ' ' || p.last_name) as name, c.relationship
      from power_map_contacts c join people p on p.id = c.person_id
      where c.campaign_id = ${campaignId} and ${readable('p')} order by lower(p.first_name), lower(p.last_name), c.person_id`),
    execute<{ id: string; from_actor_id: string; to_actor_id: string; description: string }>(db, sql`
      select l.id, l.from_actor_id, l.to_actor_id, l.description from power_map_links l where l.campaign_id = ${campaignId} order by l.created_at, l.id`),
  ]);
  const shown = actorRows.slice(0, MAX_ACTORS);
  const ids = new Set(shown.map((a) => a.id));
  return {
    actors: shown.map((a) => ({
      id: a.id, kind: a.kind, personId: a.person_id, institutionId: a.institution_id,
      // A linked record since erased or out of reach keeps the actor, without a name.
      name: a.person_id ? (a.person_name ?? 'A person in our records') : a.name || 'A person in our records',
      position: a.position, influence: a.influence, stance: a.stance, selfInterest: a.self_interest, target: a.target, notes: a.notes,
      contacts: contactRows.filter((c) => c.actor_id === a.id).map((c) => ({ personId: c.person_id, name: c.name, relationship: c.relationship })),
    })),
    links: links.filter((l) => ids.has(l.from_actor_id) && ids.has(l.to_actor_id)).map((l) => ({ id: l.id, fromActorId: l.from_actor_id, toActorId: l.to_actor_id, description: l.description })),
    truncated: actorRows.length > MAX_ACTORS,
  };
}

interface WinRow { id: string; campaign_id: string; campaign_title: string; unit_id: string; unit_name: string; won_on: string; title: string; description: string; evidence: string; can_manage: boolean; created_at: string }

/**
 * Wins the actor may see, newest first. `unit` with `below` (the default) means that unit and
 * the units under it; without, the unit's own wins (what its public page shows).
 */
export async function listWins(db: Db, actor: Actor, f: { unit?: string; below?: boolean; campaign?: string; id?: string }, limit: number, cursor?: string): Promise<{ items: WinView[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const rows = await execute<WinRow>(db, sql`
    select w.id, w.campaign_id, c.title as campaign_title, w.unit_id, u.name as unit_name, w.won_on::text as won_on, w.title, w.description, w.evidence,
      ${campaignManageable(actor, 'c')} as can_manage, w.created_at
    from wins w join campaigns c on c.id = w.campaign_id join units u on u.id = w.unit_id
    where ${campaignVisible(actor, 'c')} and ${inScope(actor, 'campaigns.read', sql`w.unit_id`)}
      ${f.unit ? (f.below === false ? sql`and w.unit_id = ${f.unit}` : sql`and ${subtreeOf(f.unit, sql`w.unit_id`)}`) : sql``}
      ${f.campaign ? sql`and w.campaign_id = ${f.campaign}` : sql``}
      ${f.id ? sql`and w.id = ${f.id}` : sql``}
      ${after ? sql`and (w.won_on, w.id) < (${after[0]}::date, ${after[1]}::uuid)` : sql``}
    order by w.won_on desc, w.id desc limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [r.won_on, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id, campaignId: r.campaign_id, campaignTitle: r.campaign_title, unitId: r.unit_id, unitName: r.unit_name, wonOn: r.won_on, title: r.title,
      description: r.description, evidence: r.evidence, canManage: r.can_manage, createdAt: iso(r.created_at),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * A unit's public wins page: its own campaigns' wins, only while the page is public, with
 * nothing personal — the date, headline, description and campaign title. Null when not public.
 */
export async function publicWins(db: Db, unitId: string, limit: number, cursor?: string) {
  const [unit] = await execute<{ name: string }>(db, sql`
    select u.name from units u join wins_pages wp on wp.unit_id = u.id where u.id = ${unitId} and wp.is_public`);
  if (!unit) return null;
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const rows = await execute<{ id: string; won_on: string; title: string; description: string; campaign_title: string }>(db, sql`
    select w.id, w.won_on::text as won_on, w.title, w.description, c.title as campaign_title
    from wins w join campaigns c on c.id = w.campaign_id
    where w.unit_id = ${unitId} ${after ? sql`and (w.won_on, w.id) < (${after[0]}::date, ${after[1]}::uuid)` : sql``}
    order by w.won_on desc, w.id desc limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [r.won_on, r.id]);
  return { unitName: unit.name, items: page.items.map((r) => ({ wonOn: r.won_on, title: r.title, description: r.description, campaignTitle: r.campaign_title })), nextCursor: page.nextCursor };
}
