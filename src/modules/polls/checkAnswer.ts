import { validationFailed } from '../../server/errors.ts';
import type { VoteInput } from './inputs.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';

/** What an answer is checked against: the question as the bank defines it. */
export interface QuestionShape {
  kind: QuestionKind;
  options: QuestionOption[];
  scale_min: number | null;
  scale_max: number | null;
}

type Answer = { optionIds: string[]; value: number | null; text: string | null };

/** The answer in its stored form, or a 422 naming what is wrong with it for this kind of question. */
export function checkAnswer(q: QuestionShape, input: VoteInput): Answer {
  const bad = (path: string, message: string) => validationFailed('The answer does not fit the question.', [{ path, message }]);
  const ids = input.optionIds ?? [];
  const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice' || q.kind === 'ranking';
  if (choice) {
    if (input.value !== undefined || input.text !== undefined) throw bad('optionIds', 'Answer this question by choosing options.');
    if (ids.length === 0) throw bad('optionIds', 'Choose an option.');
    if (q.kind === 'single_choice' && ids.length !== 1) throw bad('optionIds', 'Choose one option.');
    const known = new Set(q.options.map((o) => o.id));
    const unknown = ids.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw bad(`optionIds.${unknown}`, 'This question has no such option.');
    if (new Set(ids).size !== ids.length) throw bad('optionIds', 'Each option may be chosen once.');
    return { optionIds: ids, value: null, text: null };
  }
  if (ids.length > 0) throw bad('optionIds', 'This question has no options.');
  if (q.kind === 'scale') {
    if (input.value === undefined || input.text !== undefined) throw bad('value', 'Choose a point on the scale.');
    if (input.value < q.scale_min! || input.value > q.scale_max!) throw bad('value', `Choose from ${q.scale_min} to ${q.scale_max}.`);
    return { optionIds: [], value: input.value, text: null };
  }
  if (input.text === undefined || input.value !== undefined) throw bad('text', 'Write an answer.');
  return { optionIds: [], value: null, text: input.text };
}
