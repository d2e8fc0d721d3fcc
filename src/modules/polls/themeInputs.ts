import { z } from 'zod';

const scopeFields = {
  eventId: z.string().uuid().optional().describe('the meeting; without it, the whole programme'),
  breakoutId: z.string().uuid().optional().describe('a breakout group of the meeting'),
};
const label = z.string().trim().min(1).max(120);
const voteIds = z.array(z.string().uuid()).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, { message: 'An answer is given twice.' });

export const themeParams = z.strictObject({ id: z.string().uuid(), questionId: z.string().uuid() });
export const oneThemeParams = themeParams.extend({ themeId: z.string().uuid() });

export const themeScopeQuery = z.strictObject({
  event: z.string().uuid().optional().describe('one meeting; without it, the whole programme'),
  breakout: z.string().uuid().optional().describe('one breakout group of that meeting'),
});

export const confirmThemeBody = z.strictObject({ ...scopeFields, label, voteIds: voteIds.describe('the answers (vote ids) the theme holds') });
export const renameThemeBody = z.strictObject({ label });
export const mergeThemeBody = z.strictObject({ intoThemeId: z.string().uuid() });
export const moveAnswersBody = z.strictObject({ ...scopeFields, voteIds, themeId: z.string().uuid().nullable().describe('a confirmed theme of the same scope; null: no theme') });
export const rejectSuggestionBody = z.strictObject({ ...scopeFields, key: z.string().regex(/^[a-z0-9']{1,40}$/).describe('the suggestion’s key term') });

export const rollupQuery = z.strictObject({
  event: z.string().uuid().optional().describe('one meeting (its groups’ themes and its own)'),
  breakout: z.string().uuid().optional().describe('one breakout group'),
  unit: z.string().uuid().optional().describe('meetings of this unit and the units below it'),
});
