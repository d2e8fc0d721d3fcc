import { z } from 'zod';
import { structureTestStatuses } from './structureTestSchema.ts';

const segmentName = z.string().trim().min(1).max(100).describe('e.g. "Block C", "Chapel Street", "Despatch"');
const segmentSize = z.number().int().min(1, 'A segment has at least one household or worker.').max(1_000_000).describe('households or workers in it');

export const segmentBody = z.strictObject({ name: segmentName, size: segmentSize });
export type SegmentInput = z.infer<typeof segmentBody>;

export const updateSegmentBody = z.strictObject({ name: segmentName.optional(), size: segmentSize.optional().describe('not below the people already counted in it') });
export type UpdateSegmentInput = z.infer<typeof updateSegmentBody>;

const fields = {
  title: z.string().trim().min(1).max(200).describe('e.g. "Chapel Court repairs petition"'),
  countsWhat: z.string().trim().min(1).max(200).describe('what a count means, e.g. "signed the petition"'),
  thresholdPct: z.number().int().min(1, 'Between 1 and 100.').max(100, 'Between 1 and 100.').describe('the share of each segment that must be counted before going public'),
  quota: z.number().int().min(1, 'At least 1.').max(100_000).nullable().describe('how many each volunteer aims to collect; null: no quota'),
};

export const createStructureTestBody = z.strictObject({
  ...fields,
  quota: fields.quota.default(null),
  segments: z.array(segmentBody).max(500).default([]).describe('the universe: each segment once (names are compared without case)'),
});
export type CreateStructureTestInput = z.infer<typeof createStructureTestBody>;

export const updateStructureTestBody = z.strictObject({
  title: fields.title.optional(),
  countsWhat: fields.countsWhat.optional(),
  thresholdPct: fields.thresholdPct.optional(),
  quota: fields.quota.optional(),
  status: z.enum(structureTestStatuses).optional().describe('running or public needs a universe; public before the threshold is met needs overrideReason'),
  overrideReason: z.string().trim().min(1).max(1000).optional().describe('why the test goes public before every segment meets the threshold'),
});
export type UpdateStructureTestInput = z.infer<typeof updateStructureTestBody>;

export const countBody = z.strictObject({
  personId: z.string().uuid().describe('a person of the campaign’s unit or below whom I may read; counted once per test'),
  segmentId: z.string().uuid().describe('a segment of this test with room left'),
});
export type CountInput = z.infer<typeof countBody>;

export const generateGroupings = ['postcode', 'address_line1', 'address_line2'] as const;
export const generateSegmentsBody = z.strictObject({
  by: z.enum(generateGroupings).describe('the person field to group by; each distinct value becomes a segment sized by the people with it'),
});
export type GenerateSegmentsInput = z.infer<typeof generateSegmentsBody>;
