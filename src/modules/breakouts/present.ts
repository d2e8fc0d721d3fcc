import { z } from 'zod';
import { breakoutSources } from './schema.ts';

const member = z.object({ rsvpId: z.string().uuid(), name: z.string() });
const account = z.object({ id: z.string().uuid(), displayName: z.string() }).nullable();

/** The host's view: every group as it is now, and whether facilitators have seen the latest of it. */
export const breakoutPlanView = z.object({
  eventId: z.string().uuid(),
  source: z.enum(breakoutSources),
  groupSize: z.number().int(),
  seed: z.number().int(),
  publishedAt: z.string().nullable(),
  unpublishedChanges: z.boolean().describe('true when the groups changed after they were last published (or were never published)'),
  groups: z.array(z.object({ id: z.string().uuid(), position: z.number().int(), name: z.string(), facilitator: account, members: z.array(member) })),
});

/** A facilitator's view: the groups they were given when the host last published, members by name only. */
export const myBreakoutView = z.object({
  eventId: z.string().uuid(),
  eventTitle: z.string(),
  publishedAt: z.string(),
  groups: z.array(z.object({ id: z.string().uuid(), name: z.string(), members: z.array(member) })),
});
