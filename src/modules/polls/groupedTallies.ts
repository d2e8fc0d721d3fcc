import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { QuestionResult, TallyQuestion } from './tallies.ts';

/** Raw counts of one group (a meeting, a breakout group): responses, per option, per scale point. */
interface Counts {
  responses: Map<string, number>;
  options: Map<string, { votes: number; first: number; rankSum: number }>;
  scale: Map<string, number>;
}

const key = (q: string, o: string | number) => `${q}:${o}`;

/** Question results from raw counts, in the bank's order, shaped exactly as `tallyVotes` shapes them. */
export function shapeResults(questions: TallyQuestion[], c: Counts): QuestionResult[] {
  return questions.map((q) => {
    const scaleRows = q.kind === 'scale' && q.scaleMin !== null && q.scaleMax !== null
      ? Array.from({ length: q.scaleMax - q.scaleMin + 1 }, (_, i) => ({ value: q.scaleMin! + i, count: c.scale.get(key(q.id, q.scaleMin! + i)) ?? 0 }))
      : [];
    const total = scaleRows.reduce((s, r) => s + r.count, 0);
    return {
      id: q.id, kind: q.kind, prompt: q.prompt, responses: c.responses.get(q.id) ?? 0,
      options: q.options.map((o) => {
        const r = c.options.get(key(q.id, o.id));
        return { id: o.id, label: o.label, votes: r?.votes ?? 0, firstChoices: q.kind === 'ranking' ? (r?.first ?? 0) : 0, rankSum: q.kind === 'ranking' ? (r?.rankSum ?? 0) : 0 };
      }),
      scale: scaleRows,
      mean: total > 0 ? Math.round((scaleRows.reduce((s, r) => s + r.value * r.count, 0) / total) * 100) / 100 : null,
    };
  });
}

/**
 * Tallies of the current votes matching `where` (on `poll_votes v` joined to `events e`), split
 * by `by` (an expression over those rows, e.g. `v.event_id` or `v.breakout_id`; null is its own
 * group, keyed ''). The same three grouped queries as `tallyVotes`, one more grouping column, so
 * the cost does not grow with the number of groups. Only groups with at least one vote appear.
 */
export async function tallyVotesBy(db: Db, questions: TallyQuestion[], where: SQL, by: SQL): Promise<Map<string, QuestionResult[]>> {
  if (questions.length === 0) return new Map();
  const ids = sql`v.question_id = any(${arrayParam(questions.map((q) => q.id))}::uuid[])`;
  const from = sql`from poll_votes v join events e on e.id = v.event_id where ${ids} and ${where}`;
  const k = sql`coalesce((${by})::text, '')`;
  const [responses, options, scale] = await Promise.all([
    execute<{ k: string; question_id: string; n: number }>(db, sql`select ${k} as k, v.question_id, count(*)::int as n ${from} group by 1, v.question_id`),
    execute<{ k: string; question_id: string; option_id: string; votes: number; first: number; rank_sum: number }>(db, sql`
      select ${k} as k, v.question_id, o.option_id, count(*)::int as votes, count(*) filter (where o.ord = 1)::int as first, sum(o.ord)::int as rank_sum
      from poll_votes v join events e on e.id = v.event_id cross join lateral unnest(v.option_ids) with ordinality as o(option_id, ord)
      where ${ids} and ${where} group by 1, v.question_id, o.option_id`),
    execute<{ k: string; question_id: string; value: number; n: number }>(db, sql`select ${k} as k, v.question_id, v.value, count(*)::int as n ${from} and v.value is not null group by 1, v.question_id, v.value`),
  ]);
  const counts = new Map<string, Counts>();
  const of = (g: string) => {
    let c = counts.get(g);
    if (!c) counts.set(g, (c = { responses: new Map(), options: new Map(), scale: new Map() }));
    return c;
  };
  for (const r of responses) of(r.k).responses.set(r.question_id, r.n);
  for (const r of options) of(r.k).options.set(key(r.question_id, r.option_id), { votes: r.votes, first: r.first, rankSum: r.rank_sum });
  for (const r of scale) of(r.k).scale.set(key(r.question_id, r.value), r.n);
  return new Map([...counts].map(([g, c]) => [g, shapeResults(questions, c)]));
}
