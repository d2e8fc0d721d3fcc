import { z } from 'zod';
import { structureTestStatuses } from './structureTestSchema.ts';

const progress = {
  counted: z.number().int(),
  size: z.number().int(),
  percent: z.number().int().describe('whole percent, rounded down'),
  meetsThreshold: z.boolean(),
};

export const segmentView = z.object({ id: z.string().uuid(), name: z.string(), ...progress });

export const structureTestSummaryView = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  title: z.string(),
  countsWhat: z.string(),
  thresholdPct: z.number().int(),
  quota: z.number().int().nullable(),
  status: z.enum(structureTestStatuses),
  publicOverrideReason: z.string().nullable().describe('why it went public before the threshold was met'),
  overall: z.object(progress).describe('sum counted over the sum of segment sizes'),
  segmentCount: z.number().int(),
  segmentsMeeting: z.number().int(),
  goPublic: z.boolean().describe('the rule: every segment (and so the universe) has reached the threshold; false for an empty universe'),
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StructureTestSummaryView = z.infer<typeof structureTestSummaryView>;

export const structureTestView = structureTestSummaryView.extend({
  segments: z.array(segmentView).describe('by name'),
  volunteers: z.array(z.object({
    accountId: z.string().uuid().nullable(),
    name: z.string(),
    counted: z.number().int(),
    quota: z.number().int().nullable(),
    percent: z.number().int().nullable().describe('of the quota, rounded down; null without a quota'),
    metQuota: z.boolean().nullable(),
  })).describe('who collected how many, most first'),
  counts: z.array(z.object({
    personId: z.string().uuid(),
    name: z.string().nullable().describe('null when I may not read the person'),
    segmentId: z.string().uuid(),
    collectedBy: z.string().uuid().nullable(),
    collectedAt: z.string(),
    canRemove: z.boolean(),
  })).describe('the latest 200 counts'),
  canCount: z.boolean().describe('I may record counts (people.update in the campaign’s unit) while the test runs'),
});
export type StructureTestView = z.infer<typeof structureTestView>;
