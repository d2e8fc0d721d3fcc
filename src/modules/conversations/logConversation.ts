import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { createPerson } from '../people/createPerson.ts';
import { runActivityHooks } from './activityHooks.ts';
import type { LogConversationInput } from './inputs.ts';
import { prepareConversation, submissionHash, type ConversationPlan } from './prepareConversation.ts';
import { conversations } from './schema.ts';
import { conversationRow, writeConversationDetails } from './writeConversations.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/** The account an audit entry names: none for the command line. */

/**
 * Whether a conversation id is already taken by this very submission (a replay: true), free
 * (false), or taken by something else (409). A replay by another account is refused too, so
 * an id never reveals someone else's record.
 */
async function isReplay(db: Db, id: string, hash: string | null, createdBy: string | null): Promise<boolean> {
  const [existing] = await db.select({ hash: conversations.submissionHash, createdBy: conversations.createdBy, deletedAt: conversations.deletedAt })
    .from(conversations).where(eq(conversations.id, id)).limit(1);
  if (!existing) return false;
  if (existing.hash !== null && existing.hash === hash && existing.createdBy === createdBy) {
    if (existing.deletedAt) throw conflict('This conversation was logged and has since been deleted.');
    return true;
  }
  throw conflict('A different conversation already has this id.');
}

/** Writes a checked plan in the caller's transaction: new people, the conversation, its details, audit and activity hooks. */
export async function writePlan(tx: Db, actor: Actor, plan: ConversationPlan, requestId?: string): Promise<boolean> {
  const [claimed] = await tx.insert(conversations).values(conversationRow(plan)).onConflictDoNothing({ target: conversations.id }).returning({ id: conversations.id });
  // Someone sent the same id at the same moment: their commit decides whether this is a replay.
  if (!claimed) return !(await isReplay(tx, plan.id, plan.submissionHash, plan.createdBy));
  for (const np of plan.newPeople) {
    await createPerson(tx, { input: np.input, checked: np.checked, unit: { id: plan.unitId, orgId: plan.orgId }, actorAccountId: plan.createdBy ?? actor.accountId, requestId });
  }
  await writeConversationDetails(tx, [plan]);
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor),
    action: 'conversation.create',
    entityType: 'conversation',
    entityId: plan.id,
    orgId: plan.orgId,
    unitId: plan.unitId,
    // Counts and ids only: the audit log must not become a second copy of special category data.
    changes: {
      kind: plan.kind, outcome: plan.outcome, source: plan.source, people: plan.people.map((p) => p.id), newPeople: plan.newPeople.length,
      organisers: plan.organiserIds, issues: plan.issues.length, assessments: plan.assessments.length, commitments: plan.commitments.length, followUps: plan.followUps.length,
      notes: plan.selfInterest !== null || plan.story !== null,
    },
    requestId,
  });
  await runActivityHooks(tx, [{ orgId: plan.orgId, personIds: plan.people.map((p) => p.id), accountIds: plan.organiserIds, kind: 'conversation' }]);
  return true;
}

/**
 * Logs a conversation in one transaction. With a client-chosen id it happens exactly once:
 * the same submission again returns the first record (`created: false`) without writing,
 * whatever the order or number of retries; a different body under the same id is a 409.
 */
export async function logConversation(db: Db, actor: Actor, input: LogConversationInput, opts: { source?: string; createdBy?: string | null; requestId?: string } = {}): Promise<{ id: string; created: boolean }> {
  const createdBy = opts.createdBy === undefined ? actor.accountId : opts.createdBy;
  // A replay is answered before checking anything else, so it succeeds even if the taxonomy or people changed since.
  if (input.id && (await isReplay(db, input.id, submissionHash(input), createdBy))) return { id: input.id, created: false };
  const plan = await prepareConversation(db, actor, input, { source: opts.source, createdBy });
  const created = await db.transaction((tx) => writePlan(tx, actor, plan, opts.requestId));
  return { id: plan.id, created };
}
