import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';
import { tallyVotes, type QuestionResult, type TallyQuestion } from './tallies.ts';

export interface LiveQuestion extends TallyQuestion {
  state: 'waiting' | 'open' | 'closed';
}

/** What the host's console and big screen show: every scheduled question, its state, its live results and (open text) the latest answers. */
export interface HostState {
  sessionId: string;
  eventId: string;
  eventTitle: string;
  programmeId: string;
  programmeTitle: string;
  joinCode: string;
  status: 'open' | 'closed';
  participants: number;
  questions: (LiveQuestion & { result: QuestionResult; texts: string[] })[];
}

/** What a participant's phone shows: the question open now and results of questions asked; no one's words. */
export interface PublicState {
  joinCode: string;
  eventTitle: string;
  status: 'open' | 'closed';
  openQuestion: LiveQuestion | null;
  results: (QuestionResult & { state: 'open' | 'closed' })[];
}

/** Both views of one session from four queries (header, schedule, tallies, latest words), so a stream recomputes once per change however many watch. */
export async function liveState(db: Db, sessionId: string): Promise<{ host: HostState; public: PublicState } | null> {
  const [head] = await execute<{ id: string; event_id: string; event_title: string; programme_id: string; programme_title: string; join_code: string; status: 'open' | 'closed'; participants: number }>(db, sql`
    select s.id, s.event_id, e.title as event_title, s.programme_id, p.title as programme_title, s.join_code, s.status,
      (select count(*) from poll_participants pp where pp.session_id = s.id)::int as participants
    from poll_sessions s join events e on e.id = s.event_id join programmes p on p.id = s.programme_id where s.id = ${sessionId}`);
  if (!head) return null;
  const qs = await execute<{ id: string; kind: QuestionKind; prompt: string; options: QuestionOption[]; scale_min: number | null; scale_max: number | null; state: 'open' | 'closed' | null }>(db, sql`
    select q.id, q.kind, q.prompt, q.options, q.scale_min, q.scale_max, sq.state
    from programme_meetings m cross join lateral unnest(m.question_ids) with ordinality as s(question_id, ord)
    join programme_questions q on q.id = s.question_id
    left join poll_session_questions sq on sq.session_id = ${sessionId} and sq.question_id = q.id
    where m.event_id = ${head.event_id} order by s.ord`);
  const questions: LiveQuestion[] = qs.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options, scaleMin: q.scale_min, scaleMax: q.scale_max, state: q.state ?? 'waiting' }));
  const asked = questions.filter((q) => q.state !== 'waiting');
  const results = await tallyVotes(db, asked, sql`v.session_id = ${sessionId}`);
  const resultOf = new Map(results.map((r) => [r.id, r]));
  const textQuestions = asked.filter((q) => q.kind === 'open_text').map((q) => q.id);
  const texts = textQuestions.length === 0 ? [] : await execute<{ question_id: string; text: string }>(db, sql`
    select t.question_id, t.text from unnest(${arrayParam(textQuestions)}::uuid[]) as qid(id)
    cross join lateral (select v.question_id, v.text from poll_votes v where v.session_id = ${sessionId} and v.question_id = qid.id order by v.updated_at desc limit 50) t`);
  const empty = (q: LiveQuestion): QuestionResult => ({ id: q.id, kind: q.kind, prompt: q.prompt, responses: 0, options: q.options.map((o) => ({ id: o.id, label: o.label, votes: 0, firstChoices: 0, rankSum: 0 })), scale: [], mean: null });
  const open = questions.find((q) => q.state === 'open') ?? null;
  return {
    host: {
      sessionId: head.id, eventId: head.event_id, eventTitle: head.event_title, programmeId: head.programme_id, programmeTitle: head.programme_title,
      joinCode: head.join_code, status: head.status, participants: head.participants,
      questions: questions.map((q) => ({ ...q, result: resultOf.get(q.id) ?? empty(q), texts: texts.filter((t) => t.question_id === q.id).map((t) => t.text) })),
    },
    public: {
      joinCode: head.join_code, eventTitle: head.event_title, status: head.status, openQuestion: head.status === 'open' ? open : null,
      results: asked.map((q) => ({ ...resultOf.get(q.id)!, state: q.state as 'open' | 'closed' })),
    },
  };
}
