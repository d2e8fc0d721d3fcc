import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadEventFor } from '../events/policy.ts';
import { pollSessionQuestions, pollSessions, programmeMeetings } from './schema.ts';

/**
 * Opens a scheduled question to the room (closing whichever was open, so the room answers one at
 * a time), or closes it. A closed question stays closed: its votes are final. Closing takes the
 * row lock every vote takes in share mode, so a vote lands before the close or is refused.
 */
export async function setQuestionState(db: Db, actor: Actor, sessionId: string, questionId: string, action: 'open' | 'close', requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [s] = await tx.select().from(pollSessions).where(eq(pollSessions.id, sessionId)).for('update');
    if (!s) throw notFound('Poll');
    const { event } = await loadEventFor(tx, actor, s.eventId, 'manage');
    if (s.status !== 'open') throw conflict('This poll is closed; open it again first.');
    const [meeting] = await tx.select({ questionIds: programmeMeetings.questionIds }).from(programmeMeetings).where(eq(programmeMeetings.eventId, s.eventId));
    if (!meeting?.questionIds.includes(questionId)) throw notFound('Question');
    const [current] = await tx.select().from(pollSessionQuestions).where(and(eq(pollSessionQuestions.sessionId, s.id), eq(pollSessionQuestions.questionId, questionId))).for('update');
    if (action === 'open') {
      if (current?.state === 'open') return;
      if (current?.state === 'closed') throw conflict('This question is closed and its answers are final.');
      await tx.execute(sql`update poll_session_questions set state = 'closed', closed_at = now() where session_id = ${s.id} and state = 'open'`);
      await tx.insert(pollSessionQuestions).values({ sessionId: s.id, questionId, state: 'open' });
    } else {
      if (!current) throw conflict('This question has not been opened.');
      if (current.state === 'closed') return;
      await tx.update(pollSessionQuestions).set({ state: 'closed', closedAt: new Date() }).where(and(eq(pollSessionQuestions.sessionId, s.id), eq(pollSessionQuestions.questionId, questionId)));
    }
    await recordAudit(tx, { actorAccountId: actor.accountId, action: `poll.question_${action}`, entityType: 'poll_session', entityId: s.id, orgId: event.orgId, unitId: event.unitId, changes: { questionId }, requestId });
  });
}
