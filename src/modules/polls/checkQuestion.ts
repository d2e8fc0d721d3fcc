import { randomBytes } from 'node:crypto';
import { validationFailed } from '../../server/errors.ts';
import type { QuestionInput } from './inputs.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';

export const newOptionId = () => `o_${randomBytes(6).toString('base64url')}`;

export interface CheckedQuestion {
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  scaleMin: number | null;
  scaleMax: number | null;
}

/**
 * A question's shape for its kind: choices need 2–20 distinct options, a scale a range, open text
 * neither. Existing option ids are kept (only ids the question already has may be given) and new
 * options get fresh ids.
 */
export function checkQuestion(input: QuestionInput, existing: QuestionOption[] = []): CheckedQuestion {
  const errors: { path: string; message: string }[] = [];
  const choice = input.kind === 'single_choice' || input.kind === 'multiple_choice' || input.kind === 'ranking';
  const known = new Set(existing.map((o) => o.id));
  let options: QuestionOption[] = [];
  if (choice) {
    if (input.options.length < 2) errors.push({ path: 'options', message: 'Give at least two options.' });
    const labels = new Set<string>();
    input.options.forEach((o, i) => {
      if (labels.has(o.label.toLowerCase())) errors.push({ path: `options.${i}.label`, message: 'Two options say the same thing.' });
      labels.add(o.label.toLowerCase());
      if (o.id && !known.has(o.id)) errors.push({ path: `options.${i}.id`, message: 'This question has no option with this id.' });
    });
    const ids = input.options.map((o) => o.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) errors.push({ path: 'options', message: 'An option id is given twice.' });
    options = input.options.map((o) => ({ id: o.id ?? newOptionId(), label: o.label }));
  } else if (input.options.length > 0) errors.push({ path: 'options', message: 'Only choice and ranking questions have options.' });
  let scaleMin: number | null = null;
  let scaleMax: number | null = null;
  if (input.kind === 'scale') {
    scaleMin = input.scaleMin ?? 1;
    scaleMax = input.scaleMax ?? 5;
    if (scaleMax <= scaleMin) errors.push({ path: 'scaleMax', message: 'The top of the scale must be above the bottom.' });
  } else if (input.scaleMin !== undefined || input.scaleMax !== undefined) errors.push({ path: 'scaleMin', message: 'Only scale questions have a range.' });
  if (errors.length > 0) throw validationFailed('The question is not valid.', errors);
  return { kind: input.kind, prompt: input.prompt, options, scaleMin, scaleMax };
}

/** True when an edit would change what stored answers mean: the kind, wording, range, or any existing option's label or presence. */
export function changesMeaning(before: CheckedQuestion, after: CheckedQuestion): boolean {
  if (before.kind !== after.kind || before.prompt !== after.prompt || before.scaleMin !== after.scaleMin || before.scaleMax !== after.scaleMax) return true;
  const next = new Map(after.options.map((o) => [o.id, o.label]));
  return before.options.some((o) => next.get(o.id) !== o.label) || after.options.length !== before.options.length;
}
