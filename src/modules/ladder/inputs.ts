import { z } from 'zod';
import { ladderRule } from './rules.ts';

const keyPattern = /^[a-z0-9][a-z0-9_]*$/;

export const levelInput = z.strictObject({
  id: z.string().uuid().optional().describe('an existing level to keep (its history follows it); omit for a new one'),
  key: z.string().trim().min(1).max(50).regex(keyPattern, 'Lower-case letters, digits and "_" only, starting with a letter or digit.'),
  label: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullable().optional(),
  nextStep: z.string().trim().max(1000).default('').describe('the offer to make to someone on this level'),
  rule: ladderRule,
});
export type LevelInput = z.infer<typeof levelInput>;

/** The whole ladder, lowest level first; levels left out are retired. */
export const configureLevelsBody = z.strictObject({
  orgId: z.string().uuid().optional().describe('needed only when you work in more than one organisation'),
  levels: z.array(levelInput).max(20),
}).superRefine((b, ctx) => {
  const seen = new Map<string, number>();
  b.levels.forEach((l, i) => {
    if (seen.has(l.key)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'key'], message: `The key "${l.key}" is used twice.` });
    seen.set(l.key, i);
  });
  const ids = b.levels.map((l) => l.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'A level id appears twice.' });
});
export type ConfigureLevelsInput = z.infer<typeof configureLevelsBody>;

export const manualLevelBody = z.strictObject({
  levelId: z.string().uuid().nullable().describe('the level to put them on; null takes them off the ladder'),
  reason: z.string().trim().min(1, 'Say why.').max(1000),
});
