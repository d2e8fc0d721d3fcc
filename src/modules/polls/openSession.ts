import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadEventFor } from '../events/policy.ts';
import { newJoinCode } from './joinCode.ts';
import { pollSessions, programmeMeetings } from './schema.ts';

/**
 * Opens the live poll of a meeting (a manager or host of the event), or reopens it after it was
 * closed; asking again while it is open changes nothing. The meeting must be in a programme,
 * whose schedule gives its questions. Returns the session id.
 */
export async function openSession(db: Db, actor: Actor, eventId: string, requestId?: string): Promise<string> {
  return db.transaction(async (tx) => {
    const { event } = await loadEventFor(tx, actor, eventId, 'manage', true);
    if (event.status === 'cancelled') throw conflict('This meeting is cancelled.');
    const [meeting] = await tx.select().from(programmeMeetings).where(eq(programmeMeetings.eventId, event.id));
    if (!meeting) throw validationFailed('Add this meeting to a listening programme first; its questions come from there.', [{ path: 'eventId', message: 'This meeting is in no programme.' }]);
    const [existing] = await tx.select().from(pollSessions).where(eq(pollSessions.eventId, event.id));
    if (existing) {
      if (existing.status === 'closed') {
        await tx.update(pollSessions).set({ status: 'open', closedAt: null }).where(eq(pollSessions.id, existing.id));
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'poll.reopen', entityType: 'poll_session', entityId: existing.id, orgId: event.orgId, unitId: event.unitId, requestId });
      }
      return existing.id;
    }
    // A clash of codes is rare; try a fresh one rather than fail the host.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [row] = await tx.insert(pollSessions)
        .values({ orgId: event.orgId, eventId: event.id, programmeId: meeting.programmeId, joinCode: newJoinCode(), openedBy: actor.accountId })
        .onConflictDoNothing({ target: pollSessions.joinCode })
        .returning({ id: pollSessions.id });
      if (row) {
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'poll.open', entityType: 'poll_session', entityId: row.id, orgId: event.orgId, unitId: event.unitId, requestId });
        return row.id;
      }
    }
    throw conflict('Could not find a free join code; try again.');
  });
}

/** Ends a meeting's poll: any open question is closed, and no one can join or vote until it is reopened. */
export async function closeSession(db: Db, actor: Actor, sessionId: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [s] = await tx.select().from(pollSessions).where(eq(pollSessions.id, sessionId));
    if (!s) return;
    const { event } = await loadEventFor(tx, actor, s.eventId, 'manage', true);
    await tx.execute(sql`update poll_session_questions set state = 'closed', closed_at = now() where session_id = ${s.id} and state = 'open'`);
    await tx.update(pollSessions).set({ status: 'closed', closedAt: new Date() }).where(eq(pollSessions.id, s.id));
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'poll.close', entityType: 'poll_session', entityId: s.id, orgId: event.orgId, unitId: event.unitId, requestId });
  });
}
