import { z } from 'zod';
import { dateOnly } from '../conversations/inputs.ts';
import { relationshipKinds } from './schema.ts';

const personId = z.string().uuid();
const eventName = z.string().trim().min(1).max(200);
const strength = z.number().int().min(1).max(5).describe('1 (weak) to 5 (strong)');

/** A new link: a mutual tie, "personId recruited otherPersonId", or "personId brought otherPersonId to an event". */
export const createRelationshipBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tie'), personId, otherPersonId: personId, kind: z.enum(relationshipKinds), strength }),
  z.strictObject({ type: z.literal('recruited'), personId: personId.describe('the recruiter'), otherPersonId: personId.describe('the person recruited'), occurredOn: dateOnly.optional().describe('default: today') }),
  z.strictObject({
    type: z.literal('brought'), personId: personId.describe('who brought them'), otherPersonId: personId.describe('who came'),
    eventName: eventName.describe('the event, in words, until events are records'), occurredOn: dateOnly.describe('the event’s date'),
  }),
]).refine((b) => b.personId !== b.otherPersonId, { message: 'A relationship needs two different people.', path: ['otherPersonId'] });
export type CreateRelationshipInput = z.infer<typeof createRelationshipBody>;

/** What can change: a tie's kind and strength; a link's date and (for brought) event name. */
export const updateRelationshipBody = z.strictObject({
  kind: z.enum(relationshipKinds).optional(),
  strength: strength.optional(),
  eventName: eventName.optional(),
  occurredOn: dateOnly.optional(),
}).refine((b) => Object.keys(b).length > 0, 'Say what to change.');
export type UpdateRelationshipInput = z.infer<typeof updateRelationshipBody>;
