import { z } from 'zod';
import { accountRef, levelRef } from '../ladder/views.ts';

export const leaderSignals = ['recruited', 'brought', 'one_to_ones_held', 'one_to_ones_attended', 'commitments_kept', 'organising_assessment'] as const;
export type LeaderSignal = (typeof leaderSignals)[number];

/** Points per signal: a leader is someone with followers, so bringing people in weighs most. */
export const LEADER_WEIGHTS = {
  recruited: 5,
  brought: 3,
  one_to_ones_held: 3,
  one_to_ones_attended: 1,
  commitments_kept: 2,
  /** Points for the best value of the organising scale, pro rata below it. */
  organising_assessment: 10,
} as const satisfies Record<LeaderSignal, number>;

const personView = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string(), unitId: z.string().uuid(), wardCode: z.string().nullable() });

export const developmentRef = z.object({ id: z.string().uuid(), mentor: accountRef, note: z.string().nullable(), since: z.string() });

export const leaderView = z.object({
  person: personView,
  score: z.number().int(),
  reasons: z.array(z.object({
    signal: z.enum(leaderSignals),
    count: z.number().int().describe('how many (for the assessment: the value given)'),
    points: z.number().int(),
  })).describe('every signal that scored, biggest first'),
  assessment: z.object({ scaleKey: z.string(), scaleLabel: z.string(), value: z.number().int(), valueLabel: z.string().nullable(), assessedAt: z.string() }).nullable()
    .describe('latest on the organising scale, only where I may read assessments (audited)'),
  level: levelRef.nullable(),
  development: developmentRef.nullable(),
});
export type LeaderView = z.infer<typeof leaderView>;

export const leadersPage = z.object({
  windowDays: z.number().int(),
  weights: z.object(Object.fromEntries(Object.keys(LEADER_WEIGHTS).map((k) => [k, z.number().int()])) as Record<LeaderSignal, z.ZodNumber>),
  items: z.array(leaderView),
  nextCursor: z.string().nullable(),
});

export const developmentView = z.object({
  id: z.string().uuid(),
  person: personView,
  mentor: accountRef,
  note: z.string().nullable(),
  startedAt: z.string(),
  startedBy: accountRef.nullable(),
  level: levelRef.nullable(),
});
export type DevelopmentView = z.infer<typeof developmentView>;
