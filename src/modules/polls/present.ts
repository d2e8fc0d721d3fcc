import { z } from 'zod';
import { questionKinds } from './schema.ts';

export const programmeView = z.object({
  id: z.string().uuid(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  title: z.string(),
  description: z.string(),
  createdAt: z.string(),
  meetingCount: z.number().int(),
  questionCount: z.number().int(),
  canManage: z.boolean(),
});

export const questionView = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  kind: z.enum(questionKinds),
  prompt: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  scaleMin: z.number().int().nullable(),
  scaleMax: z.number().int().nullable(),
  answers: z.number().int().describe('current answers across all meetings; once above 0 the meaning is frozen'),
});

export const programmeDetailView = programmeView.extend({ questions: z.array(questionView) });

export const meetingView = z.object({
  eventId: z.string().uuid(),
  title: z.string(),
  startsAt: z.string(),
  unitName: z.string(),
  wardCode: z.string().nullable(),
  constituencyCode: z.string().nullable(),
  questionIds: z.array(z.string().uuid()),
  session: z.object({ id: z.string().uuid(), status: z.enum(['open', 'closed']), joinCode: z.string() }).nullable(),
});

const optionTally = z.object({ id: z.string(), label: z.string(), votes: z.number().int(), firstChoices: z.number().int(), rankSum: z.number().int() });
export const questionResultView = z.object({
  id: z.string().uuid(),
  kind: z.enum(questionKinds),
  prompt: z.string(),
  responses: z.number().int(),
  options: z.array(optionTally),
  scale: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  mean: z.number().nullable(),
});

export const programmeResultsView = z.object({
  programmeId: z.string().uuid(),
  meetings: z.number().int().describe('meetings counted (those I may see, matching the filter)'),
  questions: z.array(questionResultView),
});

const liveQuestion = z.object({
  id: z.string().uuid(), kind: z.enum(questionKinds), prompt: z.string(), options: z.array(z.object({ id: z.string(), label: z.string() })),
  scaleMin: z.number().int().nullable(), scaleMax: z.number().int().nullable(), state: z.enum(['waiting', 'open', 'closed']),
});

export const hostStateView = z.object({
  sessionId: z.string().uuid(), eventId: z.string().uuid(), eventTitle: z.string(), programmeId: z.string().uuid(), programmeTitle: z.string(),
  joinCode: z.string(), joinUrl: z.string(), qr: z.object({ size: z.number().int(), path: z.string() }),
  status: z.enum(['open', 'closed']), participants: z.number().int(),
  questions: z.array(liveQuestion.extend({ result: questionResultView, texts: z.array(z.string()) })),
});

export const publicStateView = z.object({
  joinCode: z.string(), eventTitle: z.string(), status: z.enum(['open', 'closed']),
  openQuestion: liveQuestion.nullable(),
  results: z.array(questionResultView.extend({ state: z.enum(['open', 'closed']) })),
});
