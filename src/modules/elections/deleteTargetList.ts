import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { targetLists } from './schema.ts';

/** Deletes a target list and its seats, with its audit row. */
export async function deleteTargetList(db: Db, list: { id: string; orgId: string; unitId: string; name: string }, actorAccountId: string | null, requestId?: string) {
  await db.transaction(async (tx) => {
    await tx.delete(targetLists).where(eq(targetLists.id, list.id));
    await recordAudit(tx, {
      actorAccountId, action: 'target_list.delete', entityType: 'target_list', entityId: list.id, orgId: list.orgId, unitId: list.unitId,
      changes: { name: list.name }, requestId: requestId ?? null,
    });
  });
}
