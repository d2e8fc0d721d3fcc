import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound, unauthenticated } from '../../server/errors.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import { eventRsvps } from '../events/schema.ts';
import { normaliseJoinCode } from './joinCode.ts';
import { pollParticipants, pollSessions } from './schema.ts';

/** The open session a join code names: unknown is a 404, ended a 409. */
export async function sessionByCode(db: Db, raw: string) {
  const code = normaliseJoinCode(raw);
  if (!code) throw notFound('Poll');
  const [s] = await db.select().from(pollSessions).where(eq(pollSessions.joinCode, code));
  if (!s) throw notFound('Poll');
  return s;
}

/**
 * Joins a poll without an account: a random token is handed out once and only its hash kept.
 * With the token from their ticket link, the participant is linked to their RSVP for this
 * meeting (a ticket for another meeting is refused).
 */
export async function joinPoll(db: Db, secret: string, code: string, rsvpToken?: string): Promise<{ token: string; sessionId: string; joinCode: string }> {
  const s = await sessionByCode(db, code);
  if (s.status !== 'open') throw conflict('This poll has ended.');
  let rsvpId: string | null = null;
  if (rsvpToken) {
    const [r] = await db.select({ id: eventRsvps.id }).from(eventRsvps)
      .where(and(eq(eventRsvps.manageTokenHash, hashToken(secret, rsvpToken)), eq(eventRsvps.eventId, s.eventId), ne(eventRsvps.status, 'cancelled')));
    if (!r) throw notFound('Ticket');
    rsvpId = r.id;
  }
  const token = newToken('poll_');
  await db.insert(pollParticipants).values({ orgId: s.orgId, sessionId: s.id, tokenHash: hashToken(secret, token), rsvpId });
  return { token, sessionId: s.id, joinCode: s.joinCode };
}

/** The participant a poll token belongs to; a missing, forged or expired token is a 401. */
export async function participantOf(db: Db, secret: string, token: string | undefined) {
  if (!token || token.length > 200) throw unauthenticated('Join the poll with its code first.');
  const [p] = await db.select().from(pollParticipants).where(eq(pollParticipants.tokenHash, hashToken(secret, token)));
  if (!p) throw unauthenticated('This poll pass is not valid; join again with the code.');
  return p;
}
