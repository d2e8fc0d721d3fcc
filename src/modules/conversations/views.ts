import { z } from 'zod';
import { commitmentView } from '../commitments/views.ts';
import { followUpView } from '../follow-ups/views.ts';
import { issueStatuses } from '../issues/schema.ts';
import { assessmentPhases, conversationKinds, conversationOutcomes } from './schema.ts';

export const assessmentView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  conversationId: z.string().uuid(),
  scale: z.object({ id: z.string().uuid(), key: z.string(), label: z.string(), minValue: z.number().int(), maxValue: z.number().int(), higherIsBetter: z.boolean() }),
  value: z.number().int(),
  valueLabel: z.string().nullable(),
  phase: z.enum(assessmentPhases),
  assessedAt: z.string(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const issueRaisedView = z.object({
  issue: z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(issueStatuses) }),
  rawText: z.string().nullable(),
  personIds: z.array(z.string().uuid()),
});

/**
 * A conversation. `sensitive` says whether the special category fields (`notes`, `issues`,
 * `assessments`) are included; without permission they are left out, not blanked. A person the
 * caller may not read appears with `name: null`.
 */
export const conversationView = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  kind: z.enum(conversationKinds),
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  outcome: z.enum(conversationOutcomes),
  people: z.array(z.object({ id: z.string().uuid(), name: z.string().nullable() })),
  organisers: z.array(z.object({ accountId: z.string().uuid(), displayName: z.string() })),
  createdBy: z.string().uuid().nullable(),
  source: z.string(),
  commitments: z.array(commitmentView),
  followUps: z.array(followUpView),
  canEdit: z.boolean(),
  sensitive: z.boolean(),
  notes: z.object({ selfInterest: z.string().nullable(), story: z.string().nullable() }).optional(),
  issues: z.array(issueRaisedView).optional(),
  assessments: z.array(assessmentView).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationView>;
