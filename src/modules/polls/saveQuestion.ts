import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { changesMeaning, checkQuestion } from './checkQuestion.ts';
import type { QuestionInput } from './inputs.ts';
import { loadProgrammeFor } from './policy.ts';
import { pollVotes, programmeQuestions } from './schema.ts';

/** Adds a question to the end of a programme's bank. */
export async function addQuestion(db: Db, actor: Actor, programmeId: string, input: QuestionInput, requestId?: string): Promise<string> {
  const q = checkQuestion(input);
  return db.transaction(async (tx) => {
    const p = await loadProgrammeFor(tx, actor, programmeId, 'manage', true);
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${programmeQuestions.position}), 0)::int + 1` }).from(programmeQuestions).where(eq(programmeQuestions.programmeId, p.id))) as [{ next: number }];
    if (next > 200) throw conflict('A programme holds at most 200 questions.');
    const [row] = await tx.insert(programmeQuestions).values({ orgId: p.orgId, programmeId: p.id, position: next, ...q }).returning({ id: programmeQuestions.id });
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'programme.question_add', entityType: 'programme', entityId: p.id, orgId: p.orgId, unitId: p.unitId, changes: { questionId: row!.id, kind: q.kind }, requestId });
    return row!.id;
  });
}

/**
 * Edits a question. Once anyone has answered it, an edit that would change what those answers
 * meant (kind, wording, range, an option's label, removing or adding options) is refused with 409:
 * ask a new question instead. Before any answer, anything may change.
 */
export async function editQuestion(db: Db, actor: Actor, programmeId: string, questionId: string, input: QuestionInput, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadProgrammeFor(tx, actor, programmeId, 'manage', true);
    const [before] = await tx.select().from(programmeQuestions).where(and(eq(programmeQuestions.id, questionId), eq(programmeQuestions.programmeId, p.id))).for('update');
    if (!before) throw notFound('Question');
    const after = checkQuestion(input, before.options);
    const answered = (await tx.$count(pollVotes, eq(pollVotes.questionId, before.id))) > 0;
    if (answered && changesMeaning(before, after)) {
      throw conflict('This question has answers, so its wording and options can no longer change. Add a new question instead.');
    }
    await tx.update(programmeQuestions).set({ ...after, updatedAt: new Date() }).where(eq(programmeQuestions.id, before.id));
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'programme.question_edit', entityType: 'programme', entityId: p.id, orgId: p.orgId, unitId: p.unitId, changes: { questionId: before.id }, requestId });
  });
}
