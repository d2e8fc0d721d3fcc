import { z } from 'zod';
import { dateOnly } from '../conversations/inputs.ts';
import { actionStatuses, responseOutcomes } from './schema.ts';

const text = (max: number) => z.string().trim().max(max);
const count = z.number().int().min(0, 'Must be 0 or more.').max(1_000_000);

const actionFields = {
  title: z.string().trim().min(1).max(200).describe('e.g. "Lobby of the council cabinet"'),
  actionOn: dateOnly.describe('the day of the action'),
  eventId: z.string().uuid().nullable().describe('an event of kind "action" in the campaign’s unit or below, whose check-ins give the turnout'),
  targetActorId: z.string().uuid().nullable().describe('the actor on this campaign’s power map the action is aimed at'),
  asks: z.array(z.string().trim().min(1).max(300)).max(20).describe('what the action asks of its target, one short text each'),
  turnoutGoal: count.nullable().describe('how many people we aim to bring'),
  turnout: count.nullable().describe('actual turnout counted by hand; null: the linked event’s check-ins. Not before the day of the action'),
  responseText: text(5000).describe('what the target said or did'),
  responseOutcome: z.enum(responseOutcomes).describe('how the target answered the asks'),
  status: z.enum(actionStatuses).describe('done only from the day of the action'),
};

export const createActionBody = z.strictObject({
  ...actionFields,
  eventId: actionFields.eventId.default(null),
  targetActorId: actionFields.targetActorId.default(null),
  asks: actionFields.asks.default([]),
  turnoutGoal: actionFields.turnoutGoal.default(null),
  turnout: actionFields.turnout.default(null),
  responseText: actionFields.responseText.default(''),
  responseOutcome: actionFields.responseOutcome.default('none'),
  status: actionFields.status.default('planned'),
});
export type CreateActionInput = z.infer<typeof createActionBody>;

export const updateActionBody = z.strictObject({
  title: actionFields.title.optional(),
  actionOn: actionFields.actionOn.optional(),
  eventId: actionFields.eventId.optional(),
  targetActorId: actionFields.targetActorId.optional(),
  asks: actionFields.asks.optional().describe('replaces the asks'),
  turnoutGoal: actionFields.turnoutGoal.optional(),
  turnout: actionFields.turnout.optional(),
  responseText: actionFields.responseText.optional(),
  responseOutcome: actionFields.responseOutcome.optional(),
  status: actionFields.status.optional(),
});
export type UpdateActionInput = z.infer<typeof updateActionBody>;

export const evaluationBody = z.strictObject({
  wentWell: text(5000).default(''),
  toImprove: text(5000).default(''),
  leaderIds: z.array(z.string().uuid()).max(100).default([]).describe('people (of the campaign’s unit or below) who stepped up as leaders; replaces the list'),
});
export type EvaluationInput = z.infer<typeof evaluationBody>;

export const actionListQuery = z.strictObject({
  status: z.enum(actionStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
