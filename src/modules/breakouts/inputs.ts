import { z } from 'zod';
import { breakoutSources } from './schema.ts';

export const generateBody = z.strictObject({
  source: z.enum(breakoutSources).describe('checked_in: people checked in at the door; confirmed: everyone with a place (before the meeting starts)'),
  groupSize: z.number().int().min(2).max(50).describe('people per group at most; groups differ in size by one at most'),
  facilitatorIds: z.array(z.string().uuid()).max(200).default([]).describe('accounts to facilitate, one per group in this order: hosts, or accounts the directory lists for "facilitate" in the event’s unit'),
  seed: z.number().int().min(0).max(2_147_483_647).optional().describe('the same seed and attendees give the same groups; random when left out'),
});
export type GenerateInput = z.infer<typeof generateBody>;

export const moveBody = z.strictObject({ rsvpId: z.string().uuid(), groupId: z.string().uuid() });

export const groupBody = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  facilitatorAccountId: z.string().uuid().nullable().optional(),
}).refine((b) => b.name !== undefined || b.facilitatorAccountId !== undefined, { message: 'Give a name or a facilitator.' });
