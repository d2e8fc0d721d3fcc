import { z } from 'zod';

const answer = z.object({ voteId: z.string().uuid(), text: z.string() });

/** Themes of one scope: answers are words and vote ids only, never who gave them. */
export const themesView = z.object({
  scope: z.enum(['breakout', 'meeting', 'programme']),
  programmeId: z.string().uuid(),
  questionId: z.string().uuid(),
  prompt: z.string(),
  eventId: z.string().uuid().nullable(),
  breakoutId: z.string().uuid().nullable(),
  canConfirm: z.boolean(),
  answers: z.number().int().describe('answers read in this scope'),
  partial: z.boolean().describe('more answers than are read at once; themes are of the first ones'),
  confirmed: z.array(z.object({
    id: z.string().uuid(), label: z.string(), count: z.number().int(), examples: z.array(z.string()), answers: z.array(answer),
    suggestedAnswers: z.array(answer).describe('unthemed answers (new since confirmation) sharing this theme’s terms'),
  })),
  suggested: z.array(z.object({
    key: z.string().describe('the term that made the suggestion; rejecting it stops grouping by it here'),
    label: z.string(), terms: z.array(z.string()), count: z.number().int(), examples: z.array(z.string()), answers: z.array(answer),
  })),
  other: z.object({ count: z.number().int(), examples: z.array(z.string()), answers: z.array(answer) }),
  rejectedTerms: z.array(z.string()),
});

export const themeRollupView = z.object({
  programmeId: z.string().uuid(),
  questionId: z.string().uuid(),
  answers: z.number().int(),
  meetings: z.number().int(),
  themed: z.number().int(),
  unthemed: z.number().int(),
  themes: z.array(z.object({
    label: z.string(), count: z.number().int(), confirmations: z.number().int().describe('confirmed themes of this label combined'), examples: z.array(z.string()),
  })),
});
