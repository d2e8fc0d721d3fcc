import { sql } from 'drizzle-orm';
import { arrayParam } from '../../db/arrayParam.ts';
import type { PersonReference } from '../duplicates/personReferences.ts';

/**
 * How a merge of people moves the rows of relationships, "my people", the ladder and leader
 * development: links between the merged records themselves go (no one is their own friend),
 * links that would become duplicates keep the survivor's, and only one open leader
 * development record stays open.
 */
export const organisingPersonReferences: PersonReference[] = [
  {
    table: 'relationships',
    column: 'person_id',
    beforeMove: (survivorId, otherIds) => {
      const all = arrayParam([survivorId, ...otherIds]);
      const others = arrayParam(otherIds);
      const mp = sql`(case when person_id = any(${others}::uuid[]) then ${survivorId}::uuid else person_id end)`;
      const mo = sql`(case when other_person_id = any(${others}::uuid[]) then ${survivorId}::uuid else other_person_id end)`;
      return [
        sql`delete from relationships where person_id = any(${all}::uuid[]) and other_person_id = any(${all}::uuid[])`,
        sql`delete from relationships r using (
              select id, row_number() over (
                partition by type, case type
                  when 'tie' then least(${mp}, ${mo})::text || greatest(${mp}, ${mo})::text
                  when 'recruited' then ${mo}::text
                  else ${mp}::text || ${mo}::text || event_name || occurred_on::text end
                order by (person_id <> all(${others}::uuid[]) and other_person_id <> all(${others}::uuid[])) desc, created_at, id) as rn
              from relationships where person_id = any(${all}::uuid[]) or other_person_id = any(${all}::uuid[])
            ) d
            where r.id = d.id and d.rn > 1`,
      ];
    },
  },
  { table: 'relationships', column: 'other_person_id' },
  { table: 'my_people', column: 'person_id', uniqueWith: ['account_id'] },
  // The survivor's standing is kept; its next activity or recompute brings the merged activity in.
  { table: 'person_ladder', column: 'person_id', uniqueWith: ['org_id'] },
  { table: 'ladder_history', column: 'person_id' },
  {
    table: 'leader_development',
    column: 'person_id',
    beforeMove: (survivorId, otherIds) => [sql`
      update leader_development l set ended_at = now() from (
        select id, row_number() over (order by (person_id = ${survivorId}::uuid) desc, started_at, id) as rn
        from leader_development where person_id = any(${arrayParam([survivorId, ...otherIds])}::uuid[]) and ended_at is null
      ) d where l.id = d.id and d.rn > 1`],
  },
];
