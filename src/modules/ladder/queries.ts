import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { accountNames } from '../conversations/present.ts';
import { countColumn, metricCountsSql } from './ladderFacts.ts';
import { liveLevels } from './levels.ts';
import { windowsOf } from './rules.ts';
import { ladderHistory, ladderLevels, personLadder } from './schema.ts';
import type { LevelRef, PersonLadderView, PipelineView } from './views.ts';

const HISTORY_CAP = 100;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Level references by id, retired ones included (history points at them). */
export async function levelRefs(db: Db, ids: (string | null)[]): Promise<Map<string, LevelRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: ladderLevels.id, key: ladderLevels.key, label: ladderLevels.label, position: ladderLevels.position, archivedAt: ladderLevels.archivedAt })
    .from(ladderLevels).where(inArray(ladderLevels.id, wanted));
  return new Map(rows.map((r) => [r.id, { id: r.id, key: r.key.split(':')[0]!, label: r.label, position: r.position, archived: r.archivedAt !== null }]));
}

/** One person's standing, history and next step (the caller has checked they may read the person). */
export async function personLadderOf(db: Db, person: { id: string; orgId: string }): Promise<PersonLadderView> {
  const [levels, [standing], history] = await Promise.all([
    liveLevels(db, person.orgId),
    db.select().from(personLadder).where(eq(personLadder.personId, person.id)),
    db.select().from(ladderHistory).where(eq(ladderHistory.personId, person.id)).orderBy(desc(ladderHistory.changedAt), desc(ladderHistory.id)).limit(HISTORY_CAP + 1),
  ]);
  const shown = history.slice(0, HISTORY_CAP);
  const current = standing?.levelId ?? null;
  const currentLevel = levels.find((l) => l.id === current);
  // The next rung: the one above where they stand (the first, when they are on none or on a retired one).
  const next = currentLevel ? levels.find((l) => l.position > currentLevel.position) ?? null : current === null ? levels[0] ?? null : null;
  const windows = next ? windowsOf([next]) : [];
  const [counts] = next ? await execute<Record<string, number>>(db, metricCountsSql(person.orgId, { ids: [person.id] }, windows, sql`now()`)) : [];
  const [refs, names] = await Promise.all([
    levelRefs(db, [current, standing?.computedLevelId ?? null, standing?.manualLevelId ?? null, next?.id ?? null, ...shown.flatMap((h) => [h.fromLevelId, h.toLevelId])]),
    accountNames(db, [...(standing?.manualBy ? [standing.manualBy] : []), ...shown.flatMap((h) => (h.changedBy ? [h.changedBy] : []))]),
  ]);
  const ref = (id: string | null) => (id === null ? null : refs.get(id) ?? null);
  const account = (id: string | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  return {
    personId: person.id,
    level: ref(current),
    computedLevel: ref(standing?.computedLevelId ?? null),
    manual: standing?.manualSet ? { level: ref(standing.manualLevelId), reason: standing.manualReason, by: account(standing.manualBy), at: iso(standing.manualAt) } : null,
    nextStep: {
      offer: currentLevel?.nextStep || null,
      nextLevel: next ? ref(next.id) : null,
      progress: (next?.rule.all ?? []).map((c) => {
        const have = Number(counts?.[countColumn(windows, { metric: c.metric, withinDays: c.withinDays ?? null })] ?? 0);
        return { metric: c.metric, atLeast: c.atLeast, withinDays: c.withinDays ?? null, have, met: have >= c.atLeast };
      }),
    },
    history: shown.map((h) => ({ id: h.id, from: ref(h.fromLevelId), to: ref(h.toLevelId), reason: h.reason, note: h.note, changedBy: account(h.changedBy), changedAt: iso(h.changedAt)! })),
    historyTruncated: history.length > HISTORY_CAP,
  };
}

/**
 * People per level and movement over the last 30 and 90 days, for the people matched by
 * `peopleWhere` (SQL over `people`, carrying the caller's scope) in one organisation.
 */
export async function pipelineOf(db: Db, orgId: string, peopleWhere: SQL): Promise<PipelineView> {
  const [levels, counts, moves] = await Promise.all([
    liveLevels(db, orgId),
    execute<{ level_id: string; n: number }>(db, sql`
      select pl.level_id, count(*)::int as n from person_ladder pl join people on people.id = pl.person_id
      where pl.org_id = ${orgId} and pl.level_id is not null and people.org_id = ${orgId} and ${peopleWhere}
      group by pl.level_id`),
    execute<{ lvl: string | null; side: 'in' | 'out'; up: boolean; d30: number; d90: number }>(db, sql`
      with moves as (
        select h.person_id, h.changed_at, h.from_level_id, h.to_level_id, coalesce(h.to_position, 0) > coalesce(h.from_position, 0) as up
        from ladder_history h join people on people.id = h.person_id
        where h.org_id = ${orgId} and h.changed_at >= now() - interval '90 days' and people.org_id = ${orgId} and ${peopleWhere}
      )
      select lvl, side, up,
        count(distinct person_id) filter (where changed_at >= now() - interval '30 days')::int as d30, count(distinct person_id)::int as d90
      from (
        select person_id, changed_at, to_level_id as lvl, 'in' as side, up from moves
        union all
        select person_id, changed_at, from_level_id as lvl, 'out' as side, up from moves
      ) x group by lvl, side, up`),
  ]);
  const n = new Map(counts.map((c) => [c.level_id, c.n]));
  const moved = (lvl: string | null, side: 'in' | 'out', up: boolean, window: 'd30' | 'd90') =>
    moves.find((m) => m.lvl === lvl && m.side === side && m.up === up)?.[window] ?? 0;
  const movement = (id: string, w: 'd30' | 'd90') => ({ upIn: moved(id, 'in', true, w), downIn: moved(id, 'in', false, w), upOut: moved(id, 'out', true, w), downOut: moved(id, 'out', false, w) });
  return {
    orgId,
    levels: levels.map((l) => ({
      level: { id: l.id, key: l.key, label: l.label, position: l.position, archived: false },
      people: n.get(l.id) ?? 0,
      last30: movement(l.id, 'd30'),
      last90: movement(l.id, 'd90'),
    })),
    offLadder: {
      last30: { joined: moved(null, 'out', true, 'd30'), left: moved(null, 'in', false, 'd30') },
      last90: { joined: moved(null, 'out', true, 'd90'), left: moved(null, 'in', false, 'd90') },
    },
  };
}
