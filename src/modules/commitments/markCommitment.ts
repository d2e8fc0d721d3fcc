import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { runActivityHooks } from '../conversations/activityHooks.ts';
import { commitments, type CommitmentAnswer, type CommitmentStatus } from './schema.ts';
import type { CommitmentRow } from './views.ts';
import { auditActorId } from '../accounts/systemActor.ts';

export interface CommitmentPatch {
  status?: CommitmentStatus;
  answer?: CommitmentAnswer;
  dueOn?: string | null;
}

/**
 * Records an answer or marks a commitment kept or broken (one tap). Only a yes or maybe can be
 * kept or broken; changing the answer to no or awaiting reopens it. Audited; activity hooks run.
 */
export async function markCommitment(tx: Db, actor: Actor, row: CommitmentRow, patch: CommitmentPatch, requestId?: string): Promise<CommitmentRow> {
  const answer = patch.answer ?? row.answer;
  const promised = answer === 'yes' || answer === 'maybe';
  let status = patch.status ?? row.status;
  if (!promised && status !== 'open') {
    if (patch.status && patch.status !== 'open') throw validationFailed('Only a yes or a maybe can be kept or broken.', [{ path: 'status', message: `The answer is "${answer}".` }]);
    status = 'open';
  }
  const now = new Date();
  const marked = status !== row.status;
  const [after] = await tx.update(commitments).set({
    answer,
    status,
    ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
    ...(marked ? { markedAt: status === 'open' ? null : now, markedBy: status === 'open' ? null : actor.accountId } : {}),
    updatedAt: now,
  }).where(eq(commitments.id, row.id)).returning();
  const changes: Record<string, unknown> = {};
  if (answer !== row.answer) changes.answer = [row.answer, answer];
  if (marked) changes.status = [row.status, status];
  if (patch.dueOn !== undefined && patch.dueOn !== row.dueOn) changes.dueOn = [row.dueOn, patch.dueOn];
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'commitment.update', entityType: 'commitment', entityId: row.id, orgId: row.orgId, unitId: row.unitId, changes, requestId });
  await runActivityHooks(tx, [{ orgId: row.orgId, personIds: [row.personId], accountIds: [actor.accountId], kind: 'commitment' }]);
  return after!;
}
