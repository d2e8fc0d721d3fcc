import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { PersonRow } from './present.ts';
import { people } from './schema.ts';

/** Soft-deletes a person (they leave every list at once) and audits it. */
export async function deletePerson(tx: Db, person: PersonRow, audit: { actorAccountId: string; requestId?: string }): Promise<void> {
  await tx.update(people).set({ deletedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(people.id, person.id));
  await recordAudit(tx, {
    actorAccountId: audit.actorAccountId,
    action: 'person.delete',
    entityType: 'person',
    entityId: person.id,
    orgId: person.orgId,
    unitId: person.unitId,
    requestId: audit.requestId,
  });
}
