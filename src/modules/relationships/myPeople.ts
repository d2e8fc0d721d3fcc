import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { commitmentVisibleSql } from '../commitments/policy.ts';
import { levelRefs } from '../ladder/queries.ts';
import type { MyPersonView } from './views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SQL of "my people" as rows (person_id, sources): people the account put on its list, people it
 * held conversations with, and people recruited by the person linked to the account; only
 * people the actor may still read.
 */
export function myPeopleRowsSql(actor: Actor): SQL {
  const me = actor.accountId;
  return sql`
    select m.person_id, m.sources from (
      select person_id, array_agg(distinct source order by source) as sources from (
        select mp.person_id, 'added' as source from my_people mp where mp.account_id = ${me}
        union all
        select cp.person_id, 'conversation' from conversation_organisers co
          join conversation_people cp on cp.conversation_id = co.conversation_id and cp.deleted_at is null
          where co.account_id = ${me} and co.deleted_at is null
        union all
        select r.other_person_id, 'recruited' from relationships r join accounts a on a.person_id = r.person_id
          where a.id = ${me} and r.type = 'recruited'
      ) s group by person_id
    ) m
    where exists (select 1 from people vp where vp.id = m.person_id and vp.deleted_at is null and ${inScope(actor, 'people.read', sql`vp.unit_id`)})`;
}

/** SQL: the last time someone spoke with the person whose id is `personId` (null if never). */
export const lastSpokenSql = (personId: SQL) => sql`(select max(x.occurred_at) from conversation_people x where x.person_id = ${personId} and x.deleted_at is null and x.outcome = 'spoke')`;

interface Row {
  id: string; first_name: string; last_name: string; unit_id: string; ward_code: string | null; sources: MyPersonView['sources'];
  last_spoken_at: Date | string | null; last_by_me: Date | string | null; open_commitments: number; awaiting: number; level_id: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * A page of my people by name, with when they were last spoken with, open commitments and
 * answers awaited (only commitments I may see) and their ladder level: one query for the page.
 * `notSpokenForDays` keeps those not spoken with for that long (or ever).
 */
export async function listMyPeople(db: Db, actor: Actor, f: { notSpokenForDays?: number }, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 3) as [string, string, string] | null;
  if (after && (after.some((v) => typeof v !== 'string') || !UUID.test(after[2]))) throw badRequest('The cursor is not valid; start again from the first page.');
  const me = actor.accountId;
  const rows = await execute<Row>(db, sql`
    with mine as (${myPeopleRowsSql(actor)}),
    base as (
      select p.id, p.first_name, p.last_name, p.unit_id, p.ward_code, mine.sources, ${lastSpokenSql(sql`p.id`)} as last_spoken_at
      from mine join people p on p.id = mine.person_id
    ),
    page as (
      select * from base
      where true
        ${f.notSpokenForDays !== undefined ? sql`and (last_spoken_at is null or last_spoken_at < now() - make_interval(days => ${f.notSpokenForDays}::int))` : sql``}
        ${after ? sql`and (last_name, first_name, id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : sql``}
      order by last_name, first_name, id limit ${limit + 1}
    )
    select page.*,
      (select max(co.occurred_at) from conversation_organisers co
         join conversation_people cp on cp.conversation_id = co.conversation_id and cp.person_id = page.id and cp.deleted_at is null and cp.outcome = 'spoke'
         where co.account_id = ${me} and co.deleted_at is null) as last_by_me,
      (select count(*)::int from commitments where commitments.person_id = page.id and commitments.status = 'open' and commitments.answer in ('yes', 'maybe') and ${commitmentVisibleSql(actor)}) as open_commitments,
      (select count(*)::int from commitments where commitments.person_id = page.id and commitments.answer = 'awaiting' and ${commitmentVisibleSql(actor)}) as awaiting,
      pl.level_id
    from page left join person_ladder pl on pl.person_id = page.id
    order by page.last_name, page.first_name, page.id`);
  const page = pageOf(rows, limit, (r) => [r.last_name, r.first_name, r.id]);
  const refs = await levelRefs(db, page.items.map((r) => r.level_id));
  return {
    items: page.items.map((r): MyPersonView => ({
      person: { id: r.id, firstName: r.first_name, lastName: r.last_name, unitId: r.unit_id, wardCode: r.ward_code },
      sources: r.sources,
      lastSpokenAt: iso(r.last_spoken_at),
      lastSpokenByMeAt: iso(r.last_by_me),
      openCommitments: r.open_commitments,
      awaitingAnswers: r.awaiting,
      level: r.level_id ? refs.get(r.level_id) ?? null : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Ids of my people (for the graph), at most `cap`, by name. */
export async function myPeopleIds(db: Db, actor: Actor, cap: number): Promise<string[]> {
  const rows = await execute<{ person_id: string }>(db, sql`
    with mine as (${myPeopleRowsSql(actor)}) select mine.person_id from mine join people p on p.id = mine.person_id order by p.last_name, p.first_name, p.id limit ${cap}`);
  return rows.map((r) => r.person_id);
}
