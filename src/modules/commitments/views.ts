import { z } from 'zod';
import { commitmentAnswers, commitmentAsks, commitmentStatuses, type commitments } from './schema.ts';

export type CommitmentRow = typeof commitments.$inferSelect;

export const commitmentView = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  conversationId: z.string().uuid().nullable(),
  unitId: z.string().uuid(),
  ask: z.enum(commitmentAsks),
  customText: z.string().nullable(),
  answer: z.enum(commitmentAnswers),
  dueOn: z.string().nullable(),
  status: z.enum(commitmentStatuses),
  markedAt: z.string().nullable(),
  askedAt: z.string(),
  askedBy: z.string().uuid().nullable(),
});
export type CommitmentView = z.infer<typeof commitmentView>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A commitment row → JSON (commitments are operational data, not special category). */
export function presentCommitment(r: CommitmentRow): CommitmentView {
  return {
    id: r.id, personId: r.personId, conversationId: r.conversationId, unitId: r.unitId, ask: r.ask, customText: r.customText, answer: r.answer,
    dueOn: r.dueOn, status: r.status, markedAt: iso(r.markedAt), askedAt: iso(r.askedAt)!, askedBy: r.askedBy,
  };
}
