import { z } from 'zod';
import type { followUps } from './schema.ts';

export type FollowUpRow = typeof followUps.$inferSelect;

export const followUpView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  conversationId: z.string().uuid().nullable(),
  unitId: z.string().uuid(),
  assignee: z.object({ accountId: z.string().uuid(), displayName: z.string().nullable() }),
  dueOn: z.string(),
  reason: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUpView = z.infer<typeof followUpView>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A follow-up row → JSON; `names` maps account ids to display names (loaded in one query by the caller). */
export function presentFollowUp(r: FollowUpRow, names: Map<string, string>): FollowUpView {
  return {
    id: r.id, personId: r.personId, conversationId: r.conversationId, unitId: r.unitId,
    assignee: { accountId: r.assigneeAccountId, displayName: names.get(r.assigneeAccountId) ?? null },
    dueOn: r.dueOn, reason: r.reason, done: r.doneAt !== null, doneAt: iso(r.doneAt), createdAt: iso(r.createdAt)!,
  };
}
