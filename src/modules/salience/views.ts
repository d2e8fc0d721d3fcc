import { z } from 'zod';
import { issueStatuses } from '../issues/schema.ts';
import { salienceSources } from './sources.ts';

/** Counts below this many distinct people are withheld from anyone outside the owning unit. */
export const SUPPRESSION_THRESHOLD = 5;

const cell = {
  people: z.number().int().nullable().describe('distinct people; null when suppressed'),
  suppressed: z.boolean(),
};
export const countCell = z.object(cell);
export type CountCell = z.infer<typeof countCell>;

export const issueRef = z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(issueStatuses), categoryId: z.string().uuid().nullable(), categoryLabel: z.string().nullable() });

export const salienceView = z.object({
  orgId: z.string().uuid(),
  sources: z.array(z.enum(salienceSources)),
  from: z.string().describe('first day counted'),
  to: z.string().describe('day after the last day counted'),
  threshold: z.number().int(),
  suppression: z.string().describe('the rule, in words'),
  summary: z.object({ asOf: z.string(), refreshedAt: z.string() }).nullable()
    .describe('set when the figures come from the precomputed summaries (large scopes, standard periods): counted as at refreshedAt; each person counts once per issue, where they last raised it'),
  totalPeople: countCell.describe('distinct people raising any issue'),
  issues: z.array(z.object({ issue: issueRef, ...cell })).describe('most people first; suppressed counts last, by label'),
  issuesTruncated: z.boolean(),
  trend: z.object({
    weeks: z.array(z.string()).describe('Mondays (Europe/London) of each weekly bucket'),
    series: z.array(z.object({ issueId: z.string().uuid(), points: z.array(countCell).describe('one per week, aligned with weeks') }))
      .describe('the chosen issue, else the top five'),
  }),
  byWard: z.object({
    issueId: z.string().uuid().nullable().describe('the issue the "issue" column counts (the chosen one, else the top one)'),
    wards: z.array(z.object({
      wardCode: z.string(),
      wardName: z.string().nullable(),
      total: countCell.describe('distinct people raising any issue here'),
      issue: countCell.describe('distinct people raising the issue named by byWard.issueId'),
      topIssue: z.object({ issueId: z.string().uuid(), ...cell }).nullable().describe('the issue most people raised here, named only when its count is shown'),
    })),
    wardsTruncated: z.boolean(),
  }),
});
export type SalienceView = z.infer<typeof salienceView>;
