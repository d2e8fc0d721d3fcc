import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { conflict, notFound, unauthenticated } from '../../server/errors.ts';
import { hashToken } from '../accounts/tokens.ts';
import { checkAnswer, type QuestionShape } from './checkAnswer.ts';
import type { VoteInput } from './inputs.ts';

/** The participant a token names, with the question they answer as it stands in their session (null: not asked there). */
interface Seen extends Partial<QuestionShape> {
  participant_id: string;
  org_id: string;
  session_id: string;
  session_status: 'open' | 'closed';
  state: 'open' | 'closed' | null;
}

const CLOSED = 'This question is closed; answers can no longer change.';

/**
 * Records or replaces a participant's answer to the question open in their session, in two
 * statements and no explicit transaction (a vote is the hot path of a live meeting):
 *
 * 1. One read finds the participant by their token's hash together with the question's state and
 *    definition, so every refusal (401 forged token, 404 not asked, 409 ended or closed, 422 an
 *    answer that does not fit) is decided before anything is written.
 * 2. One statement writes the vote, but only while the question is still open: it reads the
 *    question's row in share mode, and closing a question (or ending the poll, which closes its
 *    questions) updates that row. A close committed first makes the row fail `state = 'open'` on
 *    recheck, so nothing is written and the vote is refused as closed; a close that comes later
 *    waits for the vote's statement to commit. One row per participant and question: a changed
 *    vote overwrites the earlier one. A participant linked to an RSVP placed in a published
 *    breakout group answers for that group as published at the moment of this statement.
 *
 * Between the two a host may only close (a question's meaning cannot change once answered, and
 * before that the bank editor's check races a vote exactly as it did when both ran in one
 * transaction, because the question row in the bank was never locked by a vote).
 */
export async function castVote(db: Db, secret: string, token: string | undefined, input: VoteInput): Promise<{ changed: boolean; sessionId: string }> {
  if (!token || token.length > 200) throw unauthenticated('Join the poll with its code first.');
  const [p] = await execute<Seen>(db, sql`
    select pp.id as participant_id, pp.org_id, pp.session_id, s.status as session_status,
      q.state, pq.kind, pq.options, pq.scale_min, pq.scale_max
    from poll_participants pp
    join poll_sessions s on s.id = pp.session_id
    left join poll_session_questions q on q.session_id = pp.session_id and q.question_id = ${input.questionId}
    left join programme_questions pq on pq.id = q.question_id
    where pp.token_hash = ${hashToken(secret, token)}`);
  if (!p) throw unauthenticated('This poll pass is not valid; join again with the code.');
  if (!p.state) throw notFound('Question');
  if (p.session_status !== 'open') throw conflict('This poll has ended.');
  if (p.state !== 'open') throw conflict(CLOSED);
  const a = checkAnswer(p as Seen & QuestionShape, input);
  const [row] = await execute<{ inserted: boolean }>(db, sql`
    with open_question as (
      select q.session_id from poll_session_questions q
      where q.session_id = ${p.session_id} and q.question_id = ${input.questionId} and q.state = 'open'
      for share of q
    )
    insert into poll_votes (org_id, programme_id, event_id, unit_id, session_id, breakout_id, question_id, participant_id, option_ids, value, text)
    select ${p.org_id}, s.programme_id, s.event_id, e.unit_id, s.id,
      (select m.published_group_id from poll_participants pp join breakout_members m on m.rsvp_id = pp.rsvp_id where pp.id = ${p.participant_id}),
      ${input.questionId}, ${p.participant_id}, ${arrayParam(a.optionIds)}::text[], ${a.value}, ${a.text}
    from open_question oq
    join poll_sessions s on s.id = oq.session_id
    join events e on e.id = s.event_id
    on conflict (participant_id, question_id) do update set option_ids = excluded.option_ids, value = excluded.value, text = excluded.text,
      breakout_id = excluded.breakout_id, updated_at = now()
    returning (xmax = 0) as inserted`);
  // No row: the question was closed (or the poll ended) after the read above and before the write.
  if (!row) throw conflict(CLOSED);
  return { changed: !row.inserted, sessionId: p.session_id };
}
