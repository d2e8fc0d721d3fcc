import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { meetingResultsVisible } from './policy.ts';
import { matchConfirmed, suggestThemes, themeTerms, type ThemeAnswer } from './suggestThemes.ts';
import type { ThemeScope } from './themeScope.ts';

/** The most answers read for one scope (the programme's can be large); beyond it the view says it is partial. */
export const MAX_ANSWERS = 5000;
const SHOWN = 200;
const EXAMPLES = 3;

const cap = (as: ThemeAnswer[]) => as.slice(0, SHOWN).map((a) => ({ voteId: a.id, text: a.text }));

/**
 * The themes of a scope as the caller may read them: confirmed themes with their answers (and
 * the unthemed answers that share their terms, suggested into them), then new suggestions made
 * from the remaining unthemed answers, and what matches nothing as "Other". Four queries. Answers
 * are shown by their vote id and words only: no participant, no token, no name.
 */
export async function readThemes(db: Db, scope: ThemeScope) {
  const [answers, themes, rejected] = await Promise.all([
    execute<{ id: string; text: string; theme_id: string | null }>(db, sql`
      select v.id, v.text, a.theme_id from poll_votes v join events e on e.id = v.event_id
      left join poll_theme_answers a on a.scope_key = ${scope.key} and a.vote_id = v.id
      where ${scope.votes} order by v.id limit ${MAX_ANSWERS + 1}`),
    execute<{ id: string; label: string }>(db, sql`select id, label from poll_themes where question_id = ${scope.questionId} and scope_key = ${scope.key} order by label_key, id`),
    execute<{ term: string }>(db, sql`select term from poll_theme_rejections where question_id = ${scope.questionId} and scope_key = ${scope.key} order by term`),
  ]);
  const partial = answers.length > MAX_ANSWERS;
  const rows = answers.slice(0, MAX_ANSWERS);
  const byTheme = new Map<string, ThemeAnswer[]>(themes.map((t) => [t.id, []]));
  const unthemed: ThemeAnswer[] = [];
  for (const r of rows) (r.theme_id && byTheme.has(r.theme_id) ? byTheme.get(r.theme_id)! : unthemed).push({ id: r.id, text: r.text });
  const matched = matchConfirmed(unthemed, themes.map((t) => ({ id: t.id, label: t.label, terms: themeTerms(t.label, byTheme.get(t.id)!) })));
  const fresh = unthemed.filter((a) => !matched.has(a.id));
  const suggestions = suggestThemes(fresh, { exclude: rejected.map((r) => r.term), examples: EXAMPLES });
  const textOf = new Map(fresh.map((a) => [a.id, a.text]));
  return {
    scope: scope.kind, programmeId: scope.programmeId, questionId: scope.questionId, prompt: scope.prompt, eventId: scope.eventId, breakoutId: scope.breakoutId,
    canConfirm: scope.canConfirm, answers: rows.length, partial,
    confirmed: themes.map((t) => {
      const mine = byTheme.get(t.id)!;
      const joining = unthemed.filter((a) => matched.get(a.id) === t.id);
      return { id: t.id, label: t.label, count: mine.length, examples: mine.slice(0, EXAMPLES).map((a) => a.text), answers: cap(mine), suggestedAnswers: cap(joining) };
    }),
    suggested: suggestions.themes.map((s) => ({ key: s.key, label: s.label, terms: s.terms, count: s.count, examples: s.examples, answers: cap(s.answerIds.map((id) => ({ id, text: textOf.get(id)! }))) })),
    other: { count: suggestions.other.count, examples: suggestions.other.examples, answers: cap(suggestions.other.answerIds.map((id) => ({ id, text: textOf.get(id)! }))) },
    rejectedTerms: rejected.map((r) => r.term),
  };
}

export interface RollupFilter {
  event?: string;
  breakout?: string;
  unit?: string;
}

/**
 * Confirmed themes counted up across breakout groups, meetings and the programme: each answer
 * counts once, under the theme of the narrowest scope that placed it (its breakout group's,
 * else its meeting's, else the programme's), and themes with the same label are combined. Only
 * meetings whose results the caller may see are counted. Two grouped queries, whatever the
 * number of meetings or groups.
 */
export async function rollupThemes(db: Db, actor: Actor, programmeId: string, questionId: string, f: RollupFilter) {
  const conds: SQL[] = [sql`v.programme_id = ${programmeId}`, sql`v.question_id = ${questionId}`, sql`v.text is not null`, meetingResultsVisible(actor, 'e')];
  if (f.event) conds.push(sql`v.event_id = ${f.event}`);
  if (f.breakout) conds.push(sql`v.breakout_id = ${f.breakout}`);
  if (f.unit) conds.push(sql`v.unit_id in (select d.id from units d where d.path like (select x.path from units x where x.id = ${f.unit}) || '%')`);
  const where = sql.join(conds, sql` and `);
  // Themes confirmed for a wider scope than the filter's (the programme's, when looking at one meeting) still count: they placed these answers too.
  const [totals, themes] = await Promise.all([
    execute<{ answers: number; meetings: number }>(db, sql`select count(*)::int as answers, count(distinct v.event_id)::int as meetings from poll_votes v join events e on e.id = v.event_id where ${where}`),
    execute<{ label_key: string; label: string; count: number; confirmations: number; examples: string[] }>(db, sql`
      select x.label_key, mode() within group (order by x.label) as label, count(*)::int as count, count(distinct x.theme_id)::int as confirmations,
        (array_agg(x.text order by x.vote_id))[1:${sql.raw(String(EXAMPLES))}] as examples
      from (
        select distinct on (v.id) v.id as vote_id, v.text, t.id as theme_id, t.label, t.label_key
        from poll_votes v join events e on e.id = v.event_id
        join poll_theme_answers a on a.vote_id = v.id
        join poll_themes t on t.id = a.theme_id and t.question_id = ${questionId}
        where ${where}
        order by v.id, (t.breakout_id is not null) desc, (t.event_id is not null) desc, t.id
      ) x group by x.label_key order by count(*) desc, x.label_key`),
  ]);
  const total = totals[0] ?? { answers: 0, meetings: 0 };
  const themed = themes.reduce((n, t) => n + t.count, 0);
  return {
    programmeId, questionId, answers: total.answers, meetings: total.meetings, themed, unthemed: total.answers - themed,
    themes: themes.map((t) => ({ label: t.label, count: t.count, confirmations: t.confirmations, examples: t.examples ?? [] })),
  };
}
