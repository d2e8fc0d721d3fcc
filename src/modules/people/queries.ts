import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, encodeCursor } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { peopleFilterSql, type PeopleFilter } from './filters.ts';
import { orgsWith } from './orgScope.ts';
import type { PersonRow } from './present.ts';
import { people } from './schema.ts';

export const peopleSorts = ['name', '-created', '-updated'] as const;
export type PeopleSort = (typeof peopleSorts)[number];

// Cursor text goes back to the database, which cannot hold NUL.
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && !v.includes('\u0000');

// A real instant: the database would refuse "2024-02-30…" with an error rather than a 4xx.
function isStamp(v: unknown): v is string {
  if (typeof v !== 'string' || !STAMP.test(v) || v.startsWith('0000')) return false;
  const d = new Date(`${v.slice(0, 23)}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === v.slice(0, 19);
}

type TimeColumn = typeof people.createdAt | typeof people.updatedAt;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
// Microseconds survive the round trip only as text; a JS Date would drop them and skip rows.
const stamp = (col: TimeColumn) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface SortSpec {
  order: SQL;
  key: SQL<string>;
  after(values: unknown[]): SQL;
  length: number;
  valid(values: unknown[]): boolean;
}

const byTime = (col: TimeColumn): SortSpec => ({
  order: sql`${col} desc, ${people.id} desc`,
  key: stamp(col),
  after: ([t, id]) => sql`(${col}, ${people.id}) < (${t}::timestamptz, ${id}::uuid)`,
  length: 2,
  valid: ([t, id]) => isStamp(t) && typeof id === 'string' && UUID.test(id),
});

const sorts: Record<PeopleSort, SortSpec> = {
  name: {
    order: sql`${people.lastName}, ${people.firstName}, ${people.id}`,
    key: sql<string>`''`,
    after: ([last, first, id]) => sql`(${people.lastName}, ${people.firstName}, ${people.id}) > (${last}, ${first}, ${id}::uuid)`,
    length: 3,
    valid: ([last, first, id]) => isText(last) && isText(first) && typeof id === 'string' && UUID.test(id),
  },
  '-created': byTime(people.createdAt),
  '-updated': byTime(people.updatedAt),
};

/**
 * One page of the people the actor may read that match a filter, in a stable order: the
 * cursor is the sort key of the last row, so walking pages never repeats or skips anyone.
 */
export async function listPeople(db: Db, actor: Actor, filter: PeopleFilter, sort: PeopleSort, limit: number, cursor?: string) {
  const spec = sorts[sort];
  const after = decodeCursor(cursor, spec.length);
  if (after && !spec.valid(after)) throw badRequest('The cursor is not valid; start again from the first page.');
  const where = await peopleFilterSql(db, actor, filter);
  // Redundant with the scope, but lets the planner walk the (org, sort key) indexes. PostgreSQL
  // only walks them in order for plain equality, so "= any" is kept for callers in several orgs.
  const orgIds = orgsWith(actor, ['people.read']);
  const orgs = orgIds.length === 1 ? sql`${people.orgId} = ${orgIds[0]}` : sql`${people.orgId} = any(${arrayParam(orgIds)}::uuid[])`;
  const rows = await db
    .select({ person: people, key: spec.key })
    .from(people)
    .where(and(where, orgs, after ? spec.after(after) : undefined))
    .orderBy(spec.order)
    .limit(limit + 1);
  const items: PersonRow[] = rows.slice(0, limit).map((r) => r.person);
  const last = rows[limit - 1];
  const nextCursor = rows.length > limit && last
    ? encodeCursor(sort === 'name' ? [last.person.lastName, last.person.firstName, last.person.id] : [last.key, last.person.id])
    : null;
  return { items, nextCursor };
}

/** How many people the actor may read match a filter. */
export async function countPeople(db: Db, actor: Actor, filter: PeopleFilter): Promise<number> {
  const where = await peopleFilterSql(db, actor, filter);
  const [row] = await execute<{ n: number }>(db, sql`select count(*)::int as n from people where ${where}`);
  return row?.n ?? 0;
}
