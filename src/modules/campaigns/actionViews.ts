import { z } from 'zod';
import { actionStatuses, responseOutcomes } from './schema.ts';

export const actionTurnoutView = z.object({
  actual: z.number().int().nullable().describe('what counts: the recorded turnout if any, else the linked event’s check-ins; null when neither'),
  source: z.enum(['recorded', 'check_ins']).nullable(),
  recorded: z.number().int().nullable().describe('turnout counted by hand'),
  checkIns: z.number().int().nullable().describe('people checked in at the linked event; null without one'),
});

export const actionSummaryView = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  title: z.string(),
  actionOn: z.string().describe('YYYY-MM-DD'),
  status: z.enum(actionStatuses),
  event: z.object({
    id: z.string().uuid(),
    title: z.string().nullable().describe('null when I may not see the event'),
    startsAt: z.string(),
    cancelled: z.boolean(),
  }).nullable(),
  target: z.object({ actorId: z.string().uuid(), name: z.string() }).nullable().describe('from the campaign’s power map'),
  asks: z.array(z.string()),
  turnoutGoal: z.number().int().nullable(),
  turnout: actionTurnoutView,
  responseOutcome: z.enum(responseOutcomes),
  evaluated: z.boolean(),
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionSummaryView = z.infer<typeof actionSummaryView>;

export const actionView = actionSummaryView.extend({
  responseText: z.string(),
  evaluation: z.object({
    wentWell: z.string(),
    toImprove: z.string(),
    leaders: z.array(z.object({ personId: z.string().uuid(), name: z.string() })).describe('leaders who stepped up whom I may read, by name'),
    leaderCount: z.number().int().describe('all leaders named, including any I may not read'),
    evaluatedAt: z.string(),
  }).nullable().describe('null until written (once the action is done)'),
});
export type ActionView = z.infer<typeof actionView>;
