import { sql } from 'drizzle-orm';
import { arrayParam } from '../../db/arrayParam.ts';
import type { PersonReference } from '../duplicates/personReferences.ts';

/**
 * How a merge of people moves their RSVPs and consent answers. Where two merged records both
 * signed up to one event, one RSVP stays (the survivor's, else the first), keeping an
 * attendance recorded on either, and the consent answers given on the other move onto it,
 * so no answer is lost.
 */
export const eventPersonReferences: PersonReference[] = [
  {
    table: 'event_rsvps',
    column: 'person_id',
    uniqueWith: ['event_id'],
    beforeMove: (survivorId, otherIds) => {
      const all = arrayParam([survivorId, ...otherIds]);
      const ranked = sql`
        ranked as (
          select id, event_id, checked_in_at, checked_in_by,
            row_number() over (partition by event_id order by (person_id = ${survivorId}::uuid) desc, ctid) as rn
          from event_rsvps where person_id = any(${all}::uuid[])),
        keep as (select event_id, id from ranked where rn = 1)`;
      return [
        sql`with ${ranked}
          update event_consent_answers a set rsvp_id = k.id
          from ranked r join keep k on k.event_id = r.event_id
          where r.rn > 1 and a.rsvp_id = r.id`,
        sql`with ${ranked}, came as (select event_id, min(checked_in_at) as at from ranked where checked_in_at is not null group by event_id)
          update event_rsvps e set checked_in_at = came.at, status = 'going'
          from keep join came on came.event_id = keep.event_id
          where e.id = keep.id and e.checked_in_at is null`,
      ];
    },
  },
  { table: 'event_consent_answers', column: 'person_id' },
];
