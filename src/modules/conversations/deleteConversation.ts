import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { runActivityHooks } from './activityHooks.ts';
import type { LoadedConversation } from './policy.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/**
 * Soft-deletes a conversation with everything recorded in it (people, organisers, issues,
 * assessments, commitments, follow-ups), so it leaves every list, count and salience figure at
 * once. Pass the caller's transaction; audited.
 */
export async function deleteConversation(tx: Db, actor: Actor, loaded: LoadedConversation, requestId?: string): Promise<void> {
  const c = loaded.row;
  const now = new Date().toISOString();
  await tx.execute(sql`update conversations set deleted_at = ${now}, deleted_by = ${auditActorId(actor)}, updated_at = ${now} where id = ${c.id}`);
  for (const table of ['conversation_people', 'conversation_organisers', 'conversation_issues', 'assessments', 'commitments', 'follow_ups']) {
    await tx.execute(sql`update ${sql.identifier(table)} set deleted_at = ${now} where conversation_id = ${c.id} and deleted_at is null`);
  }
  const people = await tx.execute(sql`select person_id from conversation_people where conversation_id = ${c.id}`) as unknown as { rows: { person_id: string }[] };
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'conversation.delete', entityType: 'conversation', entityId: c.id, orgId: c.orgId, unitId: c.unitId, changes: { people: people.rows.map((p) => p.person_id) }, requestId });
  await runActivityHooks(tx, [{ orgId: c.orgId, personIds: people.rows.map((p) => p.person_id), accountIds: [actor.accountId], kind: 'conversation' }]);
}
