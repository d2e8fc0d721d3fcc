import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { accountNames } from '../conversations/present.ts';
import { levelRefs } from '../ladder/queries.ts';
import type { DevelopmentView } from './views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string; person_id: string; first_name: string; last_name: string; unit_id: string; ward_code: string | null;
  mentor_account_id: string; note: string | null; started_at: Date | string; started_by: string | null; level_id: string | null;
}

/**
 * Leaders in development among the people matched by `peopleWhere` (SQL over `people`, with the
 * caller's scope), newest first; `mentor` narrows to one mentor's, `id` to one record.
 */
export async function listDevelopment(db: Db, orgId: string, peopleWhere: SQL, f: { mentor?: string; id?: string }, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const rows = await execute<Row>(db, sql`
    select ld.id, people.id as person_id, people.first_name, people.last_name, people.unit_id, people.ward_code,
      ld.mentor_account_id, ld.note, ld.started_at, ld.started_by, pl.level_id
    from leader_development ld join people on people.id = ld.person_id
    left join person_ladder pl on pl.person_id = ld.person_id
    where ld.ended_at is null and ld.org_id = ${orgId} and people.org_id = ${orgId} and ${peopleWhere}
      ${f.mentor ? sql`and ld.mentor_account_id = ${f.mentor}` : sql``}
      ${f.id ? sql`and ld.id = ${f.id}` : sql``}
      ${after ? sql`and (ld.started_at, ld.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by ld.started_at desc, ld.id desc limit ${limit + 1}`);
  const page = pageOf(rows, limit, (r) => [new Date(r.started_at).toISOString(), r.id]);
  const [refs, names] = await Promise.all([
    levelRefs(db, page.items.map((r) => r.level_id)),
    accountNames(db, page.items.flatMap((r) => [r.mentor_account_id, ...(r.started_by ? [r.started_by] : [])])),
  ]);
  const account = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  return {
    items: page.items.map((r): DevelopmentView => ({
      id: r.id,
      person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name, unitId: r.unit_id, wardCode: r.ward_code },
      mentor: account(r.mentor_account_id),
      note: r.note,
      startedAt: new Date(r.started_at).toISOString(),
      startedBy: r.started_by ? account(r.started_by) : null,
      level: r.level_id ? refs.get(r.level_id) ?? null : null,
    })),
    nextCursor: page.nextCursor,
  };
}
