import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadEventFor } from '../events/policy.ts';
import { execute } from '../../db/execute.ts';
import { loadProgrammeFor } from './policy.ts';
import { pollSessionQuestions, pollSessions, programmeMeetings, programmeQuestions } from './schema.ts';

/**
 * Attaches a meeting to a programme with the questions it will ask, in order, or changes that
 * schedule. The meeting must be in the programme's unit subtree and in no other programme; a
 * question already put to the room stays on its schedule.
 */
export async function scheduleMeeting(db: Db, actor: Actor, programmeId: string, eventId: string, questionIds: string[], requestId?: string): Promise<void> {
  if (new Set(questionIds).size !== questionIds.length) throw validationFailed('A question is listed twice.', [{ path: 'questionIds', message: 'List each question once.' }]);
  await db.transaction(async (tx) => {
    const p = await loadProgrammeFor(tx, actor, programmeId, 'manage', true);
    const { event, unitPath } = await loadEventFor(tx, actor, eventId, 'manage', true);
    if (!unitPath.startsWith(p.unitPath)) throw validationFailed('This meeting is not in the programme’s unit or below it.', [{ path: 'eventId', message: 'Choose a meeting of the programme’s unit or a unit below it.' }]);
    const known = await tx.select({ id: programmeQuestions.id }).from(programmeQuestions).where(and(eq(programmeQuestions.programmeId, p.id), inArray(programmeQuestions.id, questionIds)));
    const knownIds = new Set(known.map((k) => k.id));
    const unknown = questionIds.map((id, i) => ({ id, i })).filter((x) => !knownIds.has(x.id));
    if (unknown.length > 0) throw validationFailed('Some questions are not in this programme.', unknown.map((x) => ({ path: `questionIds.${x.i}`, message: 'No question with this id in the programme.' })));
    const [current] = await tx.select().from(programmeMeetings).where(eq(programmeMeetings.eventId, event.id)).for('update');
    if (current && current.programmeId !== p.id) throw conflict('This meeting is already part of another programme.');
    const asked = await execute<{ question_id: string }>(tx, sql`select q.question_id from ${pollSessionQuestions} q join ${pollSessions} s on s.id = q.session_id where s.event_id = ${event.id}`);
    const dropped = asked.filter((a) => !questionIds.includes(a.question_id));
    if (dropped.length > 0) throw conflict('A question already put to this meeting cannot be taken off its schedule.', dropped.map((d) => ({ questionId: d.question_id })));
    if (current) await tx.update(programmeMeetings).set({ questionIds }).where(eq(programmeMeetings.eventId, event.id));
    else await tx.insert(programmeMeetings).values({ eventId: event.id, programmeId: p.id, orgId: p.orgId, questionIds });
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'programme.schedule', entityType: 'programme', entityId: p.id, orgId: p.orgId, unitId: p.unitId, changes: { eventId: event.id, questionIds }, requestId });
  });
}

/** Takes a meeting out of a programme, unless it has held a poll (its answers belong to the programme). */
export async function unscheduleMeeting(db: Db, actor: Actor, programmeId: string, eventId: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadProgrammeFor(tx, actor, programmeId, 'manage', true);
    const [current] = await tx.select().from(programmeMeetings).where(and(eq(programmeMeetings.eventId, eventId), eq(programmeMeetings.programmeId, p.id))).for('update');
    if (!current) throw notFound('Meeting');
    if ((await tx.$count(pollSessions, eq(pollSessions.eventId, eventId))) > 0) throw conflict('This meeting has held a poll, so it stays in the programme.');
    await tx.delete(programmeMeetings).where(eq(programmeMeetings.eventId, eventId));
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'programme.unschedule', entityType: 'programme', entityId: p.id, orgId: p.orgId, unitId: p.unitId, changes: { eventId }, requestId });
  });
}
