import type { Db } from '../../db/connection.ts';
import { commitments } from '../commitments/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { fileIssueRefs } from '../issues/resolveIssueRefs.ts';
import type { ConversationPlan } from './prepareConversation.ts';
import { assessments, conversationIssues, conversationOrganisers, conversationPeople, conversations } from './schema.ts';

// Keeps each multi-row insert well under PostgreSQL's 65,535 parameters.
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The `conversations` row of a plan. */
export function conversationRow(p: ConversationPlan): typeof conversations.$inferInsert {
  return {
    id: p.id, orgId: p.orgId, unitId: p.unitId, personId: p.people[0]!.id, kind: p.kind, occurredAt: p.occurredAt, durationMinutes: p.durationMinutes,
    outcome: p.outcome, selfInterest: p.selfInterest, story: p.story, source: p.source, submissionHash: p.submissionHash, createdBy: p.createdBy,
  };
}

/**
 * Writes everything of checked plans except the conversation rows and new people (the caller
 * claims the ids and creates people first): one insert per table for the whole batch, so a
 * seed of thousands costs a handful of statements. Pass the caller's transaction.
 */
export async function writeConversationDetails(tx: Db, plans: ConversationPlan[]): Promise<void> {
  const issueIds = new Map<ConversationPlan, string[]>();
  for (const p of plans) {
    if (p.issues.length > 0) issueIds.set(p, await fileIssueRefs(tx, p.orgId, p.createdBy, p.issues.map((i) => i.ref)));
  }
  const base = (p: ConversationPlan) => ({ orgId: p.orgId, unitId: p.unitId });
  await insertChunked(plans.flatMap((p) => p.people.map((person, position) => ({
    ...base(p), conversationId: p.id, personId: person.id, kind: p.kind, outcome: p.outcome, occurredAt: p.occurredAt, wardCode: person.wardCode, position,
  }))), (rows) => tx.insert(conversationPeople).values(rows));
  await insertChunked(plans.flatMap((p) => p.organiserIds.map((accountId) => ({
    ...base(p), conversationId: p.id, accountId, personId: p.people[0]!.id, kind: p.kind, occurredAt: p.occurredAt,
  }))), (rows) => tx.insert(conversationOrganisers).values(rows));
  const wards = (p: ConversationPlan) => new Map(p.people.map((x) => [x.id, x.wardCode]));
  await insertChunked(plans.flatMap((p) => p.issues.flatMap((item, i) => item.personIds.map((personId) => ({
    ...base(p), conversationId: p.id, personId, issueId: issueIds.get(p)![i]!, rawText: item.ref.rawText, wardCode: wards(p).get(personId) ?? null, occurredAt: p.occurredAt,
  })))), (rows) => tx.insert(conversationIssues).values(rows).onConflictDoNothing());
  await insertChunked(plans.flatMap((p) => p.assessments.map((a) => ({
    ...base(p), conversationId: p.id, personId: a.personId, scaleId: a.scaleId, value: a.value, phase: a.phase, assessedAt: p.occurredAt, assessedBy: p.createdBy,
  }))), (rows) => tx.insert(assessments).values(rows));
  await insertChunked(plans.flatMap((p) => p.commitments.map((c) => ({
    ...base(p), conversationId: p.id, personId: c.personId, ask: c.ask, customText: c.customText, answer: c.answer, dueOn: c.dueOn, askedBy: p.createdBy, askedAt: p.occurredAt,
    status: c.status ?? 'open', markedAt: c.markedAt ?? null, markedBy: c.markedAt ? p.createdBy : null,
  }))), (rows) => tx.insert(commitments).values(rows));
  await insertChunked(plans.flatMap((p) => p.followUps.map((f) => ({
    ...base(p), conversationId: p.id, personId: f.personId, assigneeAccountId: f.assigneeAccountId, dueOn: f.dueOn, reason: f.reason, createdBy: p.createdBy,
    doneAt: f.doneAt ?? null, doneBy: f.doneAt ? f.assigneeAccountId : null,
  }))), (rows) => tx.insert(followUps).values(rows));
}
