import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, encodeCursor } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { peopleFilterSql } from '../people/filters.ts';

export const duplicateReasons = ['email', 'phone', 'name_postcode'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

export interface DuplicateGroup {
  reason: DuplicateReason;
  orgId: string;
  key: string;
  personIds: string[];
}

/** Most people shown in one group; a bigger group is still listed, with its first members. */
export const GROUP_MEMBERS = 20;

/**
 * Groups of live people who are probably the same person, among those the actor may merge
 * (optionally within a unit's subtree): the same email or the same phone (strong), or the
 * same name and postcode (a suggestion). Ordered by reason then key, a page at a time.
 */
export async function findDuplicateGroups(db: Db, actor: Actor, opts: { unit?: string; limit: number; cursor?: string }) {
  const where = await peopleFilterSql(db, actor, { unit: opts.unit }, 'people.merge');
  const after = decodeCursor(opts.cursor, 3) as [number, string, string] | null;
  if (after && (typeof after[0] !== 'number' || typeof after[1] !== 'string' || typeof after[2] !== 'string' || !/^[0-9a-f-]{36}$/i.test(after[2]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const keyset = after ? sql`where (g.rank, g.key, g.org_id) > (${after[0]}::int, ${after[1]}::text, ${after[2]}::uuid)` : sql``;
  const rows = await execute<{ rank: number; reason: DuplicateReason; key: string; org_id: string; ids: string[] }>(db, sql`
    with scoped as (select people.id, people.org_id, people.first_name, people.last_name, people.postcode, people.created_at from people where ${where}),
    groups as (
      select 1 as rank, 'email' as reason, cp.normalised as key, s.org_id, (array_agg(distinct s.id::text))[1:${GROUP_MEMBERS}] as ids
      from contact_points cp join scoped s on s.id = cp.person_id
      where cp.kind = 'email' group by s.org_id, cp.normalised having count(distinct s.id) > 1
      union all
      select 2, 'phone', cp.normalised, s.org_id, (array_agg(distinct s.id::text))[1:${GROUP_MEMBERS}]
      from contact_points cp join scoped s on s.id = cp.person_id
      where cp.kind = 'phone' group by s.org_id, cp.normalised having count(distinct s.id) > 1
      union all
      select 3, 'name_postcode', lower(s.first_name) || ' ' || lower(s.last_name) || ', ' || s.postcode, s.org_id, (array_agg(s.id::text order by s.created_at, s.id))[1:${GROUP_MEMBERS}]
      from scoped s
      where s.postcode is not null and s.first_name <> ''
      group by s.org_id, lower(s.first_name), lower(s.last_name), s.postcode having count(*) > 1
    )
    select * from groups g ${keyset}
    order by g.rank, g.key, g.org_id
    limit ${opts.limit + 1}`);
  const items = rows.slice(0, opts.limit).map((r): DuplicateGroup => ({ reason: r.reason, orgId: r.org_id, key: r.key, personIds: r.ids }));
  const last = rows[opts.limit - 1];
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor([last.rank, last.key, last.org_id]) : null };
}
