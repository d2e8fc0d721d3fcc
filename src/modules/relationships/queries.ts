import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { relationshipVisibleSql } from './policy.ts';
import type { RelationshipType } from './schema.ts';
import type { RelationshipView } from './views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string; type: RelationshipType; kind: RelationshipView['kind']; strength: number | null; event_name: string | null; occurred_on: string | null;
  created_at: Date | string; updated_at: Date | string;
  person_id: string; p_first: string; p_last: string; other_person_id: string; o_first: string; o_last: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function present(r: Row): RelationshipView {
  return {
    id: r.id, type: r.type, kind: r.kind, strength: r.strength,
    person: { id: r.person_id, firstName: r.p_first, lastName: r.p_last },
    otherPerson: { id: r.other_person_id, firstName: r.o_first, lastName: r.o_last },
    eventName: r.event_name, occurredOn: r.occurred_on, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

const selectRows = sql`
  select r.id, r.type, r.kind, r.strength, r.event_name, r.occurred_on::text as occurred_on, r.created_at, r.updated_at,
    r.person_id, pa.first_name as p_first, pa.last_name as p_last, r.other_person_id, pb.first_name as o_first, pb.last_name as o_last
  from relationships r join people pa on pa.id = r.person_id join people pb on pb.id = r.other_person_id`;

/** A page of one person's links the actor may see (both people readable), newest first. */
export async function listRelationships(db: Db, actor: Actor, f: { person: string; type?: RelationshipType }, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const rows = await execute<Row>(db, sql`${selectRows}
    where (r.person_id = ${f.person} or r.other_person_id = ${f.person}) and ${relationshipVisibleSql(actor)}
      ${f.type ? sql`and r.type = ${f.type}` : sql``}
      ${after ? sql`and (r.created_at, r.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by r.created_at desc, r.id desc limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [iso(r.created_at), r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** One link the actor may see, or null. */
export async function readRelationship(db: Db, actor: Actor, id: string): Promise<RelationshipView | null> {
  const [row] = await execute<Row>(db, sql`${selectRows} where r.id = ${id} and ${relationshipVisibleSql(actor)}`);
  return row ? present(row) : null;
}

export interface Edge {
  id: string;
  type: RelationshipType;
  kind: RelationshipView['kind'];
  strength: number | null;
  source: string;
  target: string;
}

/** Visible links touching any of `ids` (strongest first, capped). */
export async function edgesTouching(db: Db, actor: Actor, ids: string[], cap: number): Promise<Edge[]> {
  if (ids.length === 0) return [];
  const list = arrayParam(ids);
  return execute<Edge>(db, sql`
    select r.id, r.type, r.kind, r.strength, r.person_id as source, r.other_person_id as target from relationships r
    where (r.person_id = any(${list}::uuid[]) or r.other_person_id = any(${list}::uuid[])) and ${relationshipVisibleSql(actor)}
    order by coalesce(r.strength, 3) desc, r.created_at, r.id limit ${cap}`);
}
