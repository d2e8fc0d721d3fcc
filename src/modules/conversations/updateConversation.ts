import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { forbidden, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { notPickableMessage, pickableAccounts } from '../accounts/pickableAccounts.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { fileIssueRefs } from '../issues/resolveIssueRefs.ts';
import { runActivityHooks } from './activityHooks.ts';
import type { Participant } from './checkParticipants.ts';
import type { UpdateConversationInput } from './inputs.ts';
import type { ConversationRow, LoadedConversation } from './policy.ts';
import { checkAssessments, checkIssuesRaised } from './prepareConversation.ts';
import { assessments, conversationIssues, conversationOrganisers, conversations } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s);

/**
 * Which of the co-organisers given may stay or be added: those already on the conversation stay
 * whoever they are now (an edit that leaves them alone must not fail because someone moved
 * branch); anyone added must be a colleague the editor may pick (`pickableAccounts`).
 */
async function newOrganisersAllowed(tx: Db, actor: Actor, c: ConversationRow, given: string[]): Promise<Set<string>> {
  const held = new Set((await execute<{ account_id: string }>(tx, sql`
    select account_id from conversation_organisers where conversation_id = ${c.id} and deleted_at is null`)).map((r) => r.account_id));
  const added = given.filter((a) => !held.has(a));
  const allowed = await pickableAccounts(tx, actor, 'log', c.orgId, added);
  return new Set([...given.filter((a) => held.has(a)), ...allowed]);
}

/**
 * Changes a conversation in the caller's transaction (lock it first). Issues raised,
 * assessments and co-organisers given are replaced as a whole; copies of kind, time and outcome
 * on the detail rows follow. The audit names what changed, never the notes' words.
 */
export async function updateConversation(tx: Db, actor: Actor, loaded: LoadedConversation, patch: UpdateConversationInput, requestId?: string): Promise<void> {
  const c = loaded.row;
  if (!loaded.sensitive && (patch.notes !== undefined || patch.issues !== undefined || patch.assessments !== undefined)) throw forbidden('You cannot change the notes, issues or assessments of this conversation.');
  const errors: FieldError[] = [];
  const people: Participant[] = (await execute<{ person_id: string; ward_code: string | null }>(tx, sql`
    select person_id, ward_code from conversation_people where conversation_id = ${c.id} order by position`)).map((p) => ({ id: p.person_id, wardCode: p.ward_code, isNew: false }));
  const [issues, rated, known] = await Promise.all([
    patch.issues ? checkIssuesRaised(tx, c.orgId, patch.issues, people, errors) : null,
    patch.assessments ? checkAssessments(tx, c.orgId, patch.assessments, people, errors) : null,
    patch.organisers ? newOrganisersAllowed(tx, actor, c, patch.organisers) : null,
  ]);
  patch.organisers?.forEach((a, i) => {
    if (!known!.has(a)) errors.push({ path: `organisers.${i}`, message: notPickableMessage.log });
  });
  const outcome = patch.outcome ?? c.outcome;
  if (outcome !== 'spoke') {
    const [held] = await execute<{ issues: number; assessments: number; commitments: number }>(tx, sql`select
      (select count(*)::int from conversation_issues where conversation_id = ${c.id} and deleted_at is null) as issues,
      (select count(*)::int from assessments where conversation_id = ${c.id} and deleted_at is null) as assessments,
      (select count(*)::int from commitments where conversation_id = ${c.id} and deleted_at is null) as commitments`);
    if ((issues ?? { length: held!.issues }).length > 0 || (rated ?? { length: held!.assessments }).length > 0 || held!.commitments > 0) {
      errors.push({ path: 'outcome', message: 'Issues, assessments or commitments are recorded: the outcome must stay "spoke".' });
    }
  }
  if (errors.length > 0) throw validationFailed('Some details are not valid.', errors);

  const occurredAt = patch.occurredAt ? new Date(patch.occurredAt) : c.occurredAt;
  const kind = patch.kind ?? c.kind;
  const set: Partial<typeof conversations.$inferInsert> = { updatedAt: new Date(), kind, outcome, occurredAt };
  if (patch.durationMinutes !== undefined) set.durationMinutes = patch.durationMinutes;
  if (patch.notes?.selfInterest !== undefined) set.selfInterest = blankToNull(patch.notes.selfInterest);
  if (patch.notes?.story !== undefined) set.story = blankToNull(patch.notes.story);
  await tx.update(conversations).set(set).where(eq(conversations.id, c.id));

  const moved = kind !== c.kind || outcome !== c.outcome || occurredAt.getTime() !== new Date(c.occurredAt).getTime();
  if (moved) {
    const at = occurredAt.toISOString();
    await tx.execute(sql`update conversation_people set kind = ${kind}, outcome = ${outcome}, occurred_at = ${at} where conversation_id = ${c.id}`);
    await tx.execute(sql`update conversation_organisers set kind = ${kind}, occurred_at = ${at} where conversation_id = ${c.id}`);
    await tx.execute(sql`update conversation_issues set occurred_at = ${at} where conversation_id = ${c.id}`);
    await tx.execute(sql`update assessments set assessed_at = ${at} where conversation_id = ${c.id}`);
    await tx.execute(sql`update commitments set asked_at = ${at} where conversation_id = ${c.id}`);
  }
  const base = { orgId: c.orgId, unitId: c.unitId, conversationId: c.id, occurredAt };
  if (patch.organisers) {
    await tx.delete(conversationOrganisers).where(eq(conversationOrganisers.conversationId, c.id));
    const ids = [...new Set([...(c.createdBy ? [c.createdBy] : []), ...patch.organisers])];
    await tx.insert(conversationOrganisers).values(ids.map((accountId) => ({ ...base, accountId, personId: c.personId, kind })));
  }
  if (issues) {
    await tx.delete(conversationIssues).where(eq(conversationIssues.conversationId, c.id));
    const ids = await fileIssueRefs(tx, c.orgId, actor.accountId, issues.map((i) => i.ref));
    const wards = new Map(people.map((p) => [p.id, p.wardCode]));
    const rows = issues.flatMap((item, i) => item.personIds.map((personId) => ({ ...base, personId, issueId: ids[i]!, rawText: item.ref.rawText, wardCode: wards.get(personId) ?? null })));
    if (rows.length > 0) await tx.insert(conversationIssues).values(rows).onConflictDoNothing();
  }
  if (rated) {
    await tx.delete(assessments).where(eq(assessments.conversationId, c.id));
    if (rated.length > 0) {
      await tx.insert(assessments).values(rated.map((a) => ({ orgId: c.orgId, unitId: c.unitId, conversationId: c.id, personId: a.personId, scaleId: a.scaleId, value: a.value, phase: a.phase, assessedAt: occurredAt, assessedBy: actor.accountId })));
    }
  }
  const changes: Record<string, unknown> = {};
  for (const k of ['kind', 'outcome', 'durationMinutes'] as const) if (patch[k] !== undefined && patch[k] !== c[k]) changes[k] = [c[k], patch[k]];
  if (patch.occurredAt && occurredAt.getTime() !== new Date(c.occurredAt).getTime()) changes.occurredAt = [new Date(c.occurredAt).toISOString(), occurredAt.toISOString()];
  if (patch.notes?.selfInterest !== undefined) changes.selfInterest = 'changed';
  if (patch.notes?.story !== undefined) changes.story = 'changed';
  if (patch.organisers) changes.organisers = patch.organisers;
  if (issues) changes.issues = issues.length;
  if (rated) changes.assessments = rated.length;
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'conversation.update', entityType: 'conversation', entityId: c.id, orgId: c.orgId, unitId: c.unitId, changes, requestId });
  await runActivityHooks(tx, [{ orgId: c.orgId, personIds: people.map((p) => p.id), accountIds: [actor.accountId], kind: 'conversation' }]);
}
