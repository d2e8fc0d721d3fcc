import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { notPickableMessage, pickableAccounts } from '../accounts/pickableAccounts.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { runActivityHooks } from '../conversations/activityHooks.ts';
import { followUps } from './schema.ts';
import type { FollowUpRow } from './views.ts';
import { auditActorId } from '../accounts/systemActor.ts';


/** 422 unless the assignee is a colleague the actor may pick to log with (or the actor). */
async function checkAssignee(db: Db, actor: Actor, orgId: string, accountId: string): Promise<void> {
  if (!(await pickableAccounts(db, actor, 'log', orgId, [accountId])).has(accountId)) {
    throw validationFailed('This follow-up cannot be given to that account.', [{ path: 'assigneeAccountId', message: notPickableMessage.log }]);
  }
}

/** Adds a follow-up for a person outside any conversation (the caller checked they may). */
export async function createFollowUp(db: Db, actor: Actor, person: { id: string; orgId: string; unitId: string }, input: { assigneeAccountId?: string; dueOn: string; reason: string }, requestId?: string): Promise<FollowUpRow> {
  const assignee = input.assigneeAccountId ?? actor.accountId;
  return db.transaction(async (tx) => {
    await checkAssignee(tx, actor, person.orgId, assignee);
    const [row] = await tx.insert(followUps).values({
      orgId: person.orgId, unitId: person.unitId, personId: person.id, assigneeAccountId: assignee, dueOn: input.dueOn, reason: input.reason, createdBy: actor.accountId,
    }).returning();
    await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'follow_up.create', entityType: 'follow_up', entityId: row!.id, orgId: person.orgId, unitId: person.unitId, changes: { personId: person.id, assigneeAccountId: assignee, dueOn: input.dueOn }, requestId });
    return row!;
  });
}

/** Marks a follow-up done (or not), or moves its date, assignee or reason. Audited. Checks before writing anything. */
export async function updateFollowUp(tx: Db, actor: Actor, row: FollowUpRow, patch: { done?: boolean; dueOn?: string; assigneeAccountId?: string; reason?: string }, requestId?: string): Promise<FollowUpRow> {
  // Only a new assignee is checked: leaving the assignee alone never fails.
  if (patch.assigneeAccountId && patch.assigneeAccountId !== row.assigneeAccountId) await checkAssignee(tx, actor, row.orgId, patch.assigneeAccountId);
  const now = new Date();
  const set: Partial<typeof followUps.$inferInsert> = { updatedAt: now };
  if (patch.done !== undefined && patch.done !== (row.doneAt !== null)) {
    set.doneAt = patch.done ? now : null;
    set.doneBy = patch.done ? actor.accountId : null;
  }
  if (patch.dueOn !== undefined) set.dueOn = patch.dueOn;
  if (patch.assigneeAccountId !== undefined) set.assigneeAccountId = patch.assigneeAccountId;
  if (patch.reason !== undefined) set.reason = patch.reason;
  const [after] = await tx.update(followUps).set(set).where(eq(followUps.id, row.id)).returning();
  const changes: Record<string, unknown> = {};
  if (set.doneAt !== undefined) changes.done = [row.doneAt !== null, patch.done];
  if (patch.dueOn !== undefined && patch.dueOn !== row.dueOn) changes.dueOn = [row.dueOn, patch.dueOn];
  if (patch.assigneeAccountId !== undefined && patch.assigneeAccountId !== row.assigneeAccountId) changes.assigneeAccountId = [row.assigneeAccountId, patch.assigneeAccountId];
  if (patch.reason !== undefined && patch.reason !== row.reason) changes.reason = 'changed';
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'follow_up.update', entityType: 'follow_up', entityId: row.id, orgId: row.orgId, unitId: row.unitId, changes, requestId });
  if (set.doneAt) await runActivityHooks(tx, [{ orgId: row.orgId, personIds: [row.personId], accountIds: [actor.accountId], kind: 'follow_up' }]);
  return after!;
}
