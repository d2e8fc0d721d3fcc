import { z } from 'zod';
import { customFieldTypes } from '../people/schema.ts';

const choices = z
  .array(z.string().trim().min(1).max(100).refine((c) => !c.includes(';'), 'A choice cannot contain ";" (it separates choices in CSV files).'))
  .max(100)
  .refine((list) => new Set(list).size === list.length, 'Choices must be different from each other.');

export const createFieldBody = z
  .strictObject({
    orgId: z.string().uuid().optional().describe('needed only when you work in more than one organisation'),
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'A lower-case letter, then lower-case letters, digits or "_" (at most 40).').describe('stable identifier; cannot be changed'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    choices: choices.default([]),
    required: z.boolean().default(false),
  })
  .superRefine((f, ctx) => checkChoices(f.type, f.choices, ctx));

export const updateFieldBody = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  choices: choices.optional(),
  required: z.boolean().optional(),
});

/** Choice fields need choices; other fields must not have any. */
export function checkChoices(type: (typeof customFieldTypes)[number], list: string[], ctx: z.RefinementCtx): void {
  const isChoice = type === 'single_choice' || type === 'multiple_choice';
  if (isChoice && list.length === 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'A choice field needs at least one choice.' });
  if (!isChoice && list.length > 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'Only choice fields have choices.' });
}
