import { sql, type SQL } from 'drizzle-orm';
import { arrayParam } from '../../db/arrayParam.ts';
import { meetingPersonReferences } from '../breakouts/personReferences.ts';
import { campaignPersonReferences } from '../campaigns/personReferences.ts';
import { eventPersonReferences } from '../events/personReferences.ts';
import { organisingPersonReferences } from '../relationships/personReferences.ts';

/**
 * A column that points at a person. When people are merged, every row pointing at a merged
 * record is moved to the survivor. Later domains add their tables here, and nowhere else; a
 * test fails while any `person_id` column in the database is missing from this list.
 */
export interface PersonReference {
  table: string;
  column: string;
  /**
   * Columns that, with `column`, must stay unique (a person has a tag once). Where the
   * survivor and a merged record both have the row, the survivor's is kept and the other dropped.
   */
  uniqueWith?: string[];
  /** Run before the move, e.g. so the survivor's primary contact of each kind stays primary. */
  beforeMove?: (survivorId: string, otherIds: string[]) => SQL[];
  /** Run after the move, e.g. to leave one primary contact of each kind. */
  afterMove?: (survivorId: string) => SQL;
}

// Strongest first: the status a merged contact keeps when two records disagree.
const STATUS_ORDER = ['opted_out', 'bounced', 'wrong_number', 'verified', 'unverified'];
const rankOf = (column: SQL) => sql`(array_position(${arrayParam(STATUS_ORDER)}::text[], ${column}) - 1)`;
const STATUS_RANK = rankOf(sql`status`);
const STATUS_RANK_OF_C = rankOf(sql`c.status`);

export const personReferences: PersonReference[] = [
  {
    table: 'contact_points',
    column: 'person_id',
    uniqueWith: ['kind', 'normalised'],
    beforeMove: (survivorId, otherIds) => [
      // Where two records hold the same address, the one kept carries the strongest status,
      // so an opt-out or a bounce is never lost in a merge.
      sql`
        with ranked as (
          select kind, normalised, min(${STATUS_RANK}) as r from contact_points
          where person_id = any(${arrayParam([survivorId, ...otherIds])}::uuid[]) group by kind, normalised having count(*) > 1)
        update contact_points c set status = (${arrayParam(STATUS_ORDER)}::text[])[ranked.r + 1]
        from ranked
        where c.person_id = any(${arrayParam([survivorId, ...otherIds])}::uuid[]) and c.kind = ranked.kind and c.normalised = ranked.normalised
          and ${STATUS_RANK_OF_C} > ranked.r`,
      // The survivor's own primary of a kind stays primary; failing that, the oldest moved one.
      sql`
        update contact_points c set is_primary = false
        where c.person_id = any(${arrayParam(otherIds)}::uuid[]) and c.is_primary
          and exists (select 1 from contact_points s where s.person_id = ${survivorId} and s.kind = c.kind and s.is_primary)`,
    ],
    afterMove: (survivorId) => sql`
      update contact_points c set is_primary = false
      where c.person_id = ${survivorId} and c.is_primary and exists (
        select 1 from contact_points s where s.person_id = ${survivorId} and s.kind = c.kind and s.is_primary
          and (s.created_at, s.id) < (c.created_at, c.id))`,
  },
  { table: 'person_tags', column: 'person_id', uniqueWith: ['tag_id'] },
  { table: 'import_row_keys', column: 'person_id' },
  { table: 'accounts', column: 'person_id' },
  { table: 'conversations', column: 'person_id' },
  { table: 'conversation_people', column: 'person_id', uniqueWith: ['conversation_id'] },
  { table: 'conversation_organisers', column: 'person_id' },
  { table: 'conversation_issues', column: 'person_id', uniqueWith: ['conversation_id', 'issue_id'] },
  { table: 'assessments', column: 'person_id', uniqueWith: ['conversation_id', 'scale_id', 'phase'] },
  { table: 'commitments', column: 'person_id' },
  { table: 'follow_ups', column: 'person_id' },
  ...organisingPersonReferences,
  ...meetingPersonReferences,
  ...eventPersonReferences,
  ...campaignPersonReferences,
];

/** Columns ("table.column") that point at a person but must not follow a merge (none yet). */
export const notMoved: string[] = [];

/**
 * Statements moving every reference from `otherIds` to `survivorId`: for unique references,
 * first drop the rows the survivor (or an earlier merged record) already has, then repoint.
 */
export function repointStatements(ref: PersonReference, survivorId: string, otherIds: string[]): SQL[] {
  const table = sql.identifier(ref.table);
  const column = sql.identifier(ref.column);
  const all = arrayParam([survivorId, ...otherIds]);
  const others = arrayParam(otherIds);
  const out: SQL[] = [];
  if (ref.beforeMove) out.push(...ref.beforeMove(survivorId, otherIds));
  if (ref.uniqueWith && ref.uniqueWith.length > 0) {
    const keys = sql.join(ref.uniqueWith.map((k) => sql.identifier(k)), sql`, `);
    out.push(sql`
      delete from ${table} o using (
        select ctid, row_number() over (partition by ${keys} order by (${column} = ${survivorId}::uuid) desc, ctid) as rn
        from ${table} where ${column} = any(${all}::uuid[])
      ) d
      where o.ctid = d.ctid and d.rn > 1`);
  }
  out.push(sql`update ${table} set ${column} = ${survivorId}::uuid where ${column} = any(${others}::uuid[])`);
  if (ref.afterMove) out.push(ref.afterMove(survivorId));
  return out;
}
