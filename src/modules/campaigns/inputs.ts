import { z } from 'zod';
import { dateOnly } from '../conversations/inputs.ts';
import { actorKinds, campaignPhases, targetMarks } from './schema.ts';

const text = (max: number) => z.string().trim().max(max);
const areaCodes = z.array(z.string().trim().min(1).max(20)).max(50).describe('ONS codes of the areas the campaign covers (wards, constituencies…)');

const campaignFields = {
  title: z.string().trim().min(1).max(200),
  description: text(5000),
  issueId: z.string().uuid().nullable().describe('the issue it takes on, from the organisation’s taxonomy'),
  demand: text(2000).describe('what the campaign asks of its target'),
  goal: text(2000),
  deadline: dateOnly.nullable(),
  areaCodes,
};

export const createCampaignBody = z.strictObject({
  unitId: z.string().uuid(),
  ...campaignFields,
  description: campaignFields.description.default(''),
  issueId: campaignFields.issueId.default(null),
  demand: campaignFields.demand.default(''),
  goal: campaignFields.goal.default(''),
  deadline: campaignFields.deadline.default(null),
  areaCodes: areaCodes.default([]).describe('default: none (the listening evidence then counts the whole unit)'),
  phase: z.enum(campaignPhases).default('build_relationships').describe('the phase it starts in'),
});
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

export const updateCampaignBody = z.strictObject({
  title: campaignFields.title.optional(),
  description: campaignFields.description.optional(),
  issueId: campaignFields.issueId.optional(),
  demand: campaignFields.demand.optional(),
  goal: campaignFields.goal.optional(),
  deadline: campaignFields.deadline.optional(),
  areaCodes: areaCodes.optional().describe('replaces the areas'),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const phaseMoveBody = z.strictObject({
  phase: z.enum(campaignPhases),
  reason: text(2000).optional().describe('why; required when moving back to an earlier phase'),
});
export type PhaseMoveInput = z.infer<typeof phaseMoveBody>;

export const teamMemberBody = z.strictObject({
  role: text(100).default('').describe('their role on the campaign, e.g. "lead organiser", "media", "block captain"'),
  isLeader: z.boolean().default(false),
});

/** Influence and stance have hard ranges: out of range is a 422, never clamped. */
const actorFields = {
  kind: z.enum(actorKinds),
  personId: z.string().uuid().nullable().describe('a person in our records (their name comes from the record)'),
  name: text(200).describe('who they are, when not a person in our records'),
  position: text(200).describe('e.g. "Cabinet member for housing", "Owner"'),
  influence: z.number().int().min(1).max(5).describe('1 (little) to 5 (decides)'),
  stance: z.number().int().min(-2).max(2).describe('−2 opposed … 0 neutral … +2 supportive'),
  selfInterest: text(2000).describe('what they want or fear'),
  target: z.enum(targetMarks).nullable().describe('primary or secondary target of the demand'),
  notes: text(5000),
};

export const createActorBody = z.strictObject({
  ...actorFields,
  personId: actorFields.personId.default(null),
  name: actorFields.name.default(''),
  position: actorFields.position.default(''),
  selfInterest: actorFields.selfInterest.default(''),
  target: actorFields.target.default(null),
  notes: actorFields.notes.default(''),
});
export type CreateActorInput = z.infer<typeof createActorBody>;

export const updateActorBody = z.strictObject({
  name: actorFields.name.optional(),
  position: actorFields.position.optional(),
  influence: actorFields.influence.optional(),
  stance: actorFields.stance.optional(),
  selfInterest: actorFields.selfInterest.optional(),
  target: actorFields.target.optional(),
  notes: actorFields.notes.optional(),
});
export type UpdateActorInput = z.infer<typeof updateActorBody>;

export const actorLinkBody = z.strictObject({
  fromActorId: z.string().uuid(),
  toActorId: z.string().uuid(),
  description: text(500).default('').describe('how the first relates to the second, e.g. "answers to", "funds"'),
});

export const actorContactBody = z.strictObject({
  personId: z.string().uuid().describe('one of our people who knows this actor'),
  relationship: text(500).default('').describe('how they know them'),
});

const winFields = {
  wonOn: dateOnly,
  title: z.string().trim().min(1).max(200).describe('the headline; shown on the public wins page, so name no one'),
  description: text(5000).describe('shown on the public wins page, so name no one'),
  evidence: text(5000).describe('links, letters, minutes: kept inside, never on the public page'),
};

export const createWinBody = z.strictObject({
  ...winFields,
  description: winFields.description.default(''),
  evidence: winFields.evidence.default(''),
});
export type CreateWinInput = z.infer<typeof createWinBody>;

export const updateWinBody = z.strictObject({
  wonOn: winFields.wonOn.optional(),
  title: winFields.title.optional(),
  description: winFields.description.optional(),
  evidence: winFields.evidence.optional(),
});
export type UpdateWinInput = z.infer<typeof updateWinBody>;

export const winsPageBody = z.strictObject({ isPublic: z.boolean() });
