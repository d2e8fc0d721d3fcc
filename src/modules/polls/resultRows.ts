import type { QuestionResult } from './tallies.ts';

/**
 * A question's result as CSV rows of [question, detail, measure, value]: its responses, then per
 * option its votes (and first choices and rank sum for a ranking), or per scale point its count
 * and the mean. Open-text answers are counted, never quoted.
 */
export function resultRows(q: QuestionResult): string[][] {
  const rows: string[][] = [[q.prompt, '', 'responses', String(q.responses)]];
  for (const o of q.options) {
    rows.push([q.prompt, o.label, 'votes', String(o.votes)]);
    if (q.kind === 'ranking') rows.push([q.prompt, o.label, 'first choices', String(o.firstChoices)], [q.prompt, o.label, 'rank sum', String(o.rankSum)]);
  }
  for (const s of q.scale) rows.push([q.prompt, String(s.value), 'count', String(s.count)]);
  if (q.kind === 'scale') rows.push([q.prompt, '', 'mean', q.mean === null ? '' : String(q.mean)]);
  return rows;
}
