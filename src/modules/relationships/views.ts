import { z } from 'zod';
import { levelRef } from '../ladder/views.ts';
import { relationshipKinds, relationshipTypes } from './schema.ts';

export const personRef = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() });

export const relationshipView = z.object({
  id: z.string().uuid(),
  type: z.enum(relationshipTypes).describe('tie: mutual; recruited: person recruited otherPerson; brought: person brought otherPerson to an event'),
  kind: z.enum(relationshipKinds).nullable(),
  strength: z.number().int().nullable(),
  person: personRef,
  otherPerson: personRef,
  eventName: z.string().nullable(),
  occurredOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RelationshipView = z.infer<typeof relationshipView>;

export const graphView = z.object({
  nodes: z.array(personRef.extend({
    hop: z.number().int().describe('0 for the people the graph starts from'),
    level: levelRef.nullable(),
  })),
  edges: z.array(z.object({
    id: z.string().uuid(),
    type: z.enum(relationshipTypes),
    kind: z.enum(relationshipKinds).nullable(),
    strength: z.number().int().nullable(),
    source: z.string().uuid().describe('person (the recruiter or bringer for directed links)'),
    target: z.string().uuid(),
  })),
  truncated: z.boolean().describe('true when the node limit cut the graph short'),
});
export type GraphView = z.infer<typeof graphView>;

export const myPersonView = z.object({
  person: personRef.extend({ unitId: z.string().uuid(), wardCode: z.string().nullable() }),
  sources: z.array(z.enum(['added', 'conversation', 'recruited'])).describe('why they are on my list'),
  lastSpokenAt: z.string().nullable().describe('last conversation with them (outcome "spoke"), by anyone'),
  lastSpokenByMeAt: z.string().nullable(),
  openCommitments: z.number().int().describe('yes or maybe, not yet kept or broken (that I may see)'),
  awaitingAnswers: z.number().int(),
  level: levelRef.nullable(),
});
export type MyPersonView = z.infer<typeof myPersonView>;
