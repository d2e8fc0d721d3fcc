import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import type { PersonChanges } from './checkPersonDetails.ts';
import type { PersonRow } from './present.ts';
import { refreshSearchText } from './refreshSearchText.ts';
import { people } from './schema.ts';

/** Applies checked changes to a person and audits them field by field; no change, no write. */
export async function updatePerson(tx: Db, before: PersonRow, changes: PersonChanges, audit: { actorAccountId: string; requestId?: string }): Promise<PersonRow> {
  const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (Object.keys(diff).length === 0) return before;
  const [after] = await tx.update(people).set({ ...changes, updatedAt: sql`now()` }).where(eq(people.id, before.id)).returning();
  if ('firstName' in diff || 'lastName' in diff || 'postcode' in diff) await refreshSearchText(tx, before.id);
  await recordAudit(tx, {
    actorAccountId: audit.actorAccountId,
    action: 'person.update',
    entityType: 'person',
    entityId: before.id,
    orgId: before.orgId,
    unitId: after!.unitId,
    changes: diff,
    requestId: audit.requestId,
  });
  return after!;
}
