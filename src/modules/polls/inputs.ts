import { z } from 'zod';
import { questionKinds } from './schema.ts';

const label = z.string().trim().min(1).max(200);

export const createProgrammeBody = z.strictObject({
  unitId: z.string().uuid(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
});

/** A question as written in the bank editor. Options without an id are new; an id keeps an existing option. */
export const questionBody = z.strictObject({
  kind: z.enum(questionKinds),
  prompt: z.string().trim().min(1).max(500),
  options: z.array(z.strictObject({ id: z.string().regex(/^o_[A-Za-z0-9_-]{6,24}$/).optional(), label })).max(20).default([]),
  scaleMin: z.number().int().min(0).max(10).optional(),
  scaleMax: z.number().int().min(1).max(10).optional(),
});
export type QuestionInput = z.infer<typeof questionBody>;

export const scheduleBody = z.strictObject({
  questionIds: z.array(z.string().uuid()).min(1).max(50),
});

export const openSessionBody = z.strictObject({ eventId: z.string().uuid() });

/** Joining by the code shown in the room; `rsvpToken` (from an attendee's ticket link) links the answers to their RSVP. */
export const joinBody = z.strictObject({
  code: z.string().trim().min(1).max(20),
  rsvpToken: z.string().min(20).max(200).optional(),
});

/** One answer: option ids (single, multiple, ranking in order), a scale value, or words. */
export const voteBody = z.strictObject({
  questionId: z.string().uuid(),
  optionIds: z.array(z.string().max(40)).max(20).optional(),
  value: z.number().int().min(0).max(10).optional(),
  text: z.string().trim().min(1).max(500).optional(),
});
export type VoteInput = z.infer<typeof voteBody>;

export const resultsQuery = z.strictObject({
  unit: z.string().uuid().optional().describe('meetings of this unit and the units below it'),
  area: z.string().trim().regex(/^[A-Z][0-9]{8}$/).optional().describe('meetings in this ward or constituency (ONS code)'),
  event: z.string().uuid().optional().describe('one meeting'),
  breakout: z.union([z.string().uuid(), z.literal('none')]).optional().describe('one breakout group, or "none": answers from nobody placed in a published group'),
});
