import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';

/** Counts for one option: answers naming it, answers ranking it first, and the sum of its rank positions (1 = top). */
export interface OptionTally {
  id: string;
  label: string;
  votes: number;
  firstChoices: number;
  rankSum: number;
}

export interface QuestionResult {
  id: string;
  kind: QuestionKind;
  prompt: string;
  responses: number;
  options: OptionTally[];
  scale: { value: number; count: number }[];
  mean: number | null;
}

export interface TallyQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  scaleMin: number | null;
  scaleMax: number | null;
}

/**
 * Tallies of the current votes matching `where` (a condition on `poll_votes v`, joined to
 * `events e`). Every count is computed from the vote rows themselves, one row per participant
 * and question, so a changed vote is counted once, where it now stands. Three grouped queries,
 * whatever the number of questions or meetings.
 */
export async function tallyVotes(db: Db, questions: TallyQuestion[], where: SQL): Promise<QuestionResult[]> {
  if (questions.length === 0) return [];
  const ids = sql`v.question_id = any(${arrayParam(questions.map((q) => q.id))}::uuid[])`;
  const from = sql`from poll_votes v join events e on e.id = v.event_id where ${ids} and ${where}`;
  const [responses, options, scale] = await Promise.all([
    execute<{ question_id: string; n: number }>(db, sql`select v.question_id, count(*)::int as n ${from} group by v.question_id`),
    execute<{ question_id: string; option_id: string; votes: number; first: number; rank_sum: number }>(db, sql`
      select v.question_id, o.option_id, count(*)::int as votes, count(*) filter (where o.ord = 1)::int as first, sum(o.ord)::int as rank_sum
      from poll_votes v join events e on e.id = v.event_id cross join lateral unnest(v.option_ids) with ordinality as o(option_id, ord)
      where ${ids} and ${where} group by v.question_id, o.option_id`),
    execute<{ question_id: string; value: number; n: number }>(db, sql`select v.question_id, v.value, count(*)::int as n ${from} and v.value is not null group by v.question_id, v.value`),
  ]);
  const key = (q: string, o: string | number) => `${q}:${o}`;
  const responseOf = new Map(responses.map((r) => [r.question_id, r.n]));
  const optionOf = new Map(options.map((r) => [key(r.question_id, r.option_id), r]));
  const scaleOf = new Map(scale.map((r) => [key(r.question_id, r.value), r.n]));
  return questions.map((q) => {
    const scaleRows = q.kind === 'scale' && q.scaleMin !== null && q.scaleMax !== null
      ? Array.from({ length: q.scaleMax - q.scaleMin + 1 }, (_, i) => ({ value: q.scaleMin! + i, count: scaleOf.get(key(q.id, q.scaleMin! + i)) ?? 0 }))
      : [];
    const total = scaleRows.reduce((s, r) => s + r.count, 0);
    return {
      id: q.id, kind: q.kind, prompt: q.prompt, responses: responseOf.get(q.id) ?? 0,
      options: q.options.map((o) => {
        const r = optionOf.get(key(q.id, o.id));
        return { id: o.id, label: o.label, votes: r?.votes ?? 0, firstChoices: q.kind === 'ranking' ? (r?.first ?? 0) : 0, rankSum: q.kind === 'ranking' ? (r?.rank_sum ?? 0) : 0 };
      }),
      scale: scaleRows,
      mean: total > 0 ? Math.round((scaleRows.reduce((s, r) => s + r.value * r.count, 0) / total) * 100) / 100 : null,
    };
  });
}
