import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { people } from './schema.ts';
import { personSearchText } from './searchText.ts';

/** Recomputes one person's search text from their current names, postcode and contacts. */
export async function refreshSearchText(tx: Db, personId: string): Promise<void> {
  const [p] = await execute<{ first_name: string; last_name: string; postcode: string | null; contacts: string[] | null }>(tx, sql`
    select first_name, last_name, postcode,
      (select array_agg(normalised order by kind, normalised) from contact_points where person_id = ${personId}) as contacts
    from people where id = ${personId}`);
  if (!p) return;
  const text = personSearchText({ firstName: p.first_name, lastName: p.last_name, postcode: p.postcode, contacts: p.contacts ?? [] });
  await tx.update(people).set({ searchText: text }).where(eq(people.id, personId));
}
