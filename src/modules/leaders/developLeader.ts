import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { notPickableMessage, pickableAccounts } from '../accounts/pickableAccounts.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { leaderDevelopment } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

interface PersonRef {
  id: string;
  orgId: string;
  unitId: string;
}


/**
 * Marks a person as a leader in development with a mentoring organiser. Marking them again
 * with the same mentor changes the note; with another mentor it closes the old record and
 * opens a new one, so who mentored them when is kept. A new mentor must be someone the caller
 * may pick as a mentor (`pickableAccounts`). Audited. True when a record was opened.
 */
export async function developLeader(tx: Db, actor: Actor, person: PersonRef, input: { mentorAccountId: string; note?: string | null }, requestId?: string): Promise<{ id: string; opened: boolean }> {
  await tx.execute(sql`select 1 from people where id = ${person.id} for no key update`);
  const [open] = await tx.select().from(leaderDevelopment).where(and(eq(leaderDevelopment.personId, person.id), isNull(leaderDevelopment.endedAt)));
  // A new mentor must be a colleague the caller's directory offers; the current one may stay.
  if (open?.mentorAccountId !== input.mentorAccountId && !(await pickableAccounts(tx, actor, 'mentor', person.orgId, [input.mentorAccountId])).has(input.mentorAccountId)) {
    throw validationFailed('This mentor cannot be chosen.', [{ path: 'mentorAccountId', message: notPickableMessage.mentor }]);
  }
  const audit = (action: string, entityId: string, changes: Record<string, unknown>) =>
    recordAudit(tx, { actorAccountId: auditActorId(actor), action, entityType: 'leader_development', entityId, orgId: person.orgId, unitId: person.unitId, changes: { personId: person.id, ...changes }, requestId });
  if (open && open.mentorAccountId === input.mentorAccountId) {
    if (input.note !== undefined && input.note !== open.note) {
      await tx.update(leaderDevelopment).set({ note: input.note }).where(eq(leaderDevelopment.id, open.id));
      await audit('leader_development.update', open.id, { note: 'changed' });
    }
    return { id: open.id, opened: false };
  }
  const now = new Date();
  if (open) await tx.update(leaderDevelopment).set({ endedAt: now, endedBy: auditActorId(actor) }).where(eq(leaderDevelopment.id, open.id));
  const [row] = await tx.insert(leaderDevelopment).values({
    orgId: person.orgId, personId: person.id, mentorAccountId: input.mentorAccountId, note: input.note ?? null, startedAt: now, startedBy: auditActorId(actor),
  }).returning({ id: leaderDevelopment.id });
  await audit('leader_development.start', row!.id, { mentorAccountId: [open?.mentorAccountId ?? null, input.mentorAccountId] });
  return { id: row!.id, opened: true };
}

/** Ends a person's development as a leader (404 when there is none). Audited. */
export async function endDevelopment(tx: Db, actor: Actor, person: PersonRef, requestId?: string): Promise<void> {
  const [ended] = await tx.update(leaderDevelopment).set({ endedAt: new Date(), endedBy: auditActorId(actor) })
    .where(and(eq(leaderDevelopment.personId, person.id), isNull(leaderDevelopment.endedAt))).returning({ id: leaderDevelopment.id });
  if (!ended) throw notFound('Leader development');
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'leader_development.end', entityType: 'leader_development', entityId: ended.id, orgId: person.orgId, unitId: person.unitId, changes: { personId: person.id }, requestId });
}
