import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { levelRefs } from '../ladder/queries.ts';
import { relationshipVisibleSql } from './policy.ts';
import { edgesTouching, type Edge } from './queries.ts';
import type { GraphView } from './views.ts';

export const MAX_NODES = 200;
const MAX_EDGES = 2000;

/**
 * The relationship graph around `seeds` (people the caller may read), out to `depth` hops,
 * bounded to MAX_NODES people (nearest and strongest links first) and MAX_EDGES links: a
 * query per hop plus two, whatever the size. Only links between readable people appear.
 */
export async function relationshipGraph(db: Db, actor: Actor, seeds: string[], depth: 1 | 2): Promise<GraphView> {
  const hop = new Map<string, number>();
  let truncated = seeds.length > MAX_NODES;
  for (const id of seeds.slice(0, MAX_NODES)) hop.set(id, 0);
  let frontier = [...hop.keys()];
  for (let h = 1; h <= depth && frontier.length > 0; h++) {
    const edges = await edgesTouching(db, actor, frontier, MAX_EDGES);
    if (edges.length === MAX_EDGES) truncated = true;
    const added: string[] = [];
    for (const e of edges) {
      for (const end of [e.source, e.target]) {
        if (hop.has(end)) continue;
        if (hop.size >= MAX_NODES) {
          truncated = true;
          continue;
        }
        hop.set(end, h);
        added.push(end);
      }
    }
    frontier = added;
  }
  const ids = arrayParam([...hop.keys()]);
  const [edges, people] = await Promise.all([
    execute<Edge>(db, sql`
      select r.id, r.type, r.kind, r.strength, r.person_id as source, r.other_person_id as target from relationships r
      where r.person_id = any(${ids}::uuid[]) and r.other_person_id = any(${ids}::uuid[]) and ${relationshipVisibleSql(actor)}
      order by coalesce(r.strength, 3) desc, r.created_at, r.id limit ${MAX_EDGES}`),
    execute<{ id: string; first_name: string; last_name: string; level_id: string | null }>(db, sql`
      select p.id, p.first_name, p.last_name, pl.level_id from people p left join person_ladder pl on pl.person_id = p.id
      where p.id = any(${ids}::uuid[])`),
  ]);
  if (edges.length === MAX_EDGES) truncated = true;
  const refs = await levelRefs(db, people.map((p) => p.level_id));
  return {
    nodes: people
      .map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, hop: hop.get(p.id)!, level: p.level_id ? refs.get(p.level_id) ?? null : null }))
      .sort((a, b) => a.hop - b.hop || a.lastName.localeCompare(b.lastName) || a.id.localeCompare(b.id)),
    edges,
    truncated,
  };
}
