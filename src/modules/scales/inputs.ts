import { z } from 'zod';
import { scaleKinds, scalePhaseModes } from './schema.ts';

const point = z.number().int().min(-100).max(100);
const pointLabels = z.record(z.string().regex(/^-?\d{1,3}$/, 'Keys are the points of the scale.'), z.string().trim().min(1).max(100))
  .refine((o) => Object.keys(o).length <= 101, 'At most 101 labels.');

const fields = {
  label: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullable().optional(),
  kind: z.enum(scaleKinds),
  minValue: point,
  maxValue: point,
  pointLabels,
  higherIsBetter: z.boolean(),
  phases: z.enum(scalePhaseModes).describe('"before_after": rated before and after a persuasive conversation'),
  sortOrder: z.number().int().min(0).max(10000),
};

/** Checks a scale's range and labels together (a patch is checked after merging with the stored scale). */
export function rangeProblems(s: { minValue: number; maxValue: number; pointLabels: Record<string, string> }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (s.minValue >= s.maxValue) out.push({ path: 'maxValue', message: 'Must be greater than minValue.' });
  if (s.maxValue - s.minValue > 100) out.push({ path: 'maxValue', message: 'A scale has at most 101 points.' });
  for (const k of Object.keys(s.pointLabels)) {
    const v = Number(k);
    if (v < s.minValue || v > s.maxValue) out.push({ path: `pointLabels.${k}`, message: 'Not a point of the scale.' });
  }
  return out;
}

export const createScaleBody = z.strictObject({
  orgId: z.string().uuid().optional().describe('needed only when you work in more than one organisation'),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'Lower-case letters, digits and "_", starting with a letter.'),
  ...fields,
  description: fields.description,
  kind: fields.kind.default('other'),
  pointLabels: fields.pointLabels.default({}),
  higherIsBetter: fields.higherIsBetter.default(true),
  phases: fields.phases.default('single'),
  sortOrder: fields.sortOrder.default(0),
}).superRefine((s, ctx) => {
  for (const p of rangeProblems(s)) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
});
export type CreateScaleInput = z.infer<typeof createScaleBody>;

export const updateScaleBody = z.strictObject({
  label: fields.label.optional(),
  description: fields.description,
  kind: fields.kind.optional(),
  minValue: fields.minValue.optional(),
  maxValue: fields.maxValue.optional(),
  pointLabels: fields.pointLabels.optional().describe('replaces every label'),
  higherIsBetter: fields.higherIsBetter.optional(),
  phases: fields.phases.optional(),
  sortOrder: fields.sortOrder.optional(),
  archived: z.boolean().optional().describe('an archived scale is no longer offered; its assessments stay'),
});
export type UpdateScaleInput = z.infer<typeof updateScaleBody>;
