import { z } from 'zod';
import { commitmentAsks } from '../commitments/schema.ts';

const personRef = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() });

export const targetView = z.object({
  accountId: z.string().uuid(),
  oneToOnesPerWeek: z.number().int(),
  isDefault: z.boolean().describe('no target set: the default applies'),
  updatedAt: z.string().nullable(),
});
export type TargetView = z.infer<typeof targetView>;

export const organiserDashboardView = z.object({
  generatedAt: z.string(),
  timeZone: z.string().describe('days and weeks (Monday first) are counted in this time zone'),
  followUps: z.object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    dueNext7Days: z.number().int().describe('due after today, within a week'),
    items: z.array(z.object({ id: z.string().uuid(), person: personRef, dueOn: z.string(), reason: z.string(), overdue: z.boolean(), conversationId: z.string().uuid().nullable() }))
      .describe('overdue and due within a week, soonest first (at most 20)'),
  }),
  oneToOnes: z.object({
    weekStart: z.string(),
    held: z.number().int().describe('one-to-ones I held this week (outcome "spoke")'),
    target: targetView,
    byDay: z.array(z.object({ date: z.string(), held: z.number().int() })),
  }),
  awaitingAnswers: z.object({
    count: z.number().int(),
    items: z.array(z.object({
      id: z.string().uuid(), person: personRef, ask: z.enum(commitmentAsks), customText: z.string().nullable(), askedAt: z.string(), dueOn: z.string().nullable(), conversationId: z.string().uuid().nullable(),
    })).describe('commitments I asked for that still await an answer, soonest due first (at most 20)'),
  }),
  notSpokenTo: z.object({
    days: z.number().int(),
    count: z.number().int(),
    items: z.array(z.object({ person: personRef, lastSpokenAt: z.string().nullable() })).describe('my people not spoken with for that long, never first (at most 20)'),
  }),
});
export type OrganiserDashboardView = z.infer<typeof organiserDashboardView>;
