import { z } from 'zod';
import { ladderChangeReasons } from './schema.ts';
import { ladderMetrics, ladderRule } from './rules.ts';

export const levelRef = z.object({
  id: z.string().uuid(),
  key: z.string(),
  label: z.string(),
  position: z.number().int(),
  archived: z.boolean().describe('a level since retired from the ladder (seen in history)'),
});
export type LevelRef = z.infer<typeof levelRef>;

export const levelView = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  nextStep: z.string(),
  rule: ladderRule,
});

export const levelsView = z.object({
  orgId: z.string().uuid(),
  levels: z.array(levelView),
  metrics: z.array(z.enum(ladderMetrics)).describe('what rules can count'),
});

export const accountRef = z.object({ id: z.string().uuid(), displayName: z.string() });

export const historyItem = z.object({
  id: z.string().uuid(),
  from: levelRef.nullable(),
  to: levelRef.nullable(),
  reason: z.enum(ladderChangeReasons),
  note: z.string().nullable(),
  changedBy: accountRef.nullable(),
  changedAt: z.string(),
});

export const progressItem = z.object({
  metric: z.enum(ladderMetrics),
  atLeast: z.number().int(),
  withinDays: z.number().int().nullable(),
  have: z.number().int(),
  met: z.boolean(),
});

export const personLadderView = z.object({
  personId: z.string().uuid(),
  level: levelRef.nullable().describe('the level that counts: the manual one while it holds, else the computed one'),
  computedLevel: levelRef.nullable(),
  manual: z.object({ level: levelRef.nullable(), reason: z.string().nullable(), by: accountRef.nullable(), at: z.string().nullable() }).nullable()
    .describe('a manual level holds until the computed level next changes, or until cleared'),
  nextStep: z.object({
    offer: z.string().nullable().describe('the next-step offer of their current level'),
    nextLevel: levelRef.nullable(),
    progress: z.array(progressItem).describe('the next level’s conditions against their activity now'),
  }),
  history: z.array(historyItem).describe('newest first'),
  historyTruncated: z.boolean(),
});
export type PersonLadderView = z.infer<typeof personLadderView>;

const movement = z.object({
  upIn: z.number().int().describe('people who moved up onto this level'),
  downIn: z.number().int().describe('people who moved down onto this level'),
  upOut: z.number().int().describe('people who moved up off this level'),
  downOut: z.number().int().describe('people who moved down off this level'),
});

export const pipelineView = z.object({
  orgId: z.string().uuid(),
  levels: z.array(z.object({ level: levelRef, people: z.number().int(), last30: movement, last90: movement })),
  offLadder: z.object({
    last30: z.object({ joined: z.number().int(), left: z.number().int() }),
    last90: z.object({ joined: z.number().int(), left: z.number().int() }),
  }).describe('people who came onto the ladder from no level, and who dropped off it'),
});
export type PipelineView = z.infer<typeof pipelineView>;
