import { z } from 'zod';
import { isRealDate } from '../custom-fields/validateCustomFields.ts';
import { commitmentAnswers, commitmentAsks } from '../commitments/schema.ts';
import { contactInput } from '../people/inputs.ts';
import { assessmentPhases, conversationKinds, conversationOutcomes } from './schema.ts';

/** Notes longer than this are refused: a conversation note, not a document store. */
export const MAX_NOTE_CHARS = 20_000;
// Logging ahead of time is a mistake, but a phone's clock may run a little fast.
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(1990, 0, 1);

export const dateOnly = z.string().refine(isRealDate, 'Must be a real date written YYYY-MM-DD.');
const note = z.string().max(MAX_NOTE_CHARS, `At most ${MAX_NOTE_CHARS} characters.`).nullable().optional();
const personIds = z.array(z.string().uuid()).min(1).max(50).optional().describe('who raised it (default: everyone spoken with)');
const personId = z.string().uuid().optional().describe('whom this is about; needed when more than one person was spoken with');

export const occurredAt = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  return t >= EARLIEST && t <= Date.now() + FUTURE_SLACK_MS;
}, 'Must be a real time, not in the future.');

/** A person met for the first time, created in the same transaction as the conversation. */
export const newPersonInput = z.strictObject({
  id: z.string().uuid().optional().describe('client-generated id, so other parts of the submission can refer to this person'),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(''),
  contacts: z.array(contactInput).max(10).default([]),
  postcode: z.string().trim().max(12).nullable().optional(),
});
export type NewPersonInput = z.infer<typeof newPersonInput>;

export const issueRaisedInput = z.union([
  z.strictObject({ issueId: z.string().uuid(), personIds }),
  z.strictObject({ text: z.string().trim().min(1).max(200).describe('in their words: filed under the issue with the same words, or proposed as a new one'), personIds }),
]);
export type IssueRaisedInput = z.infer<typeof issueRaisedInput>;

export const assessmentInput = z.strictObject({
  scaleKey: z.string().trim().min(1).max(50),
  value: z.number().int(),
  phase: z.enum(assessmentPhases).default('single'),
  personId,
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const commitmentInput = z.strictObject({
  ask: z.enum(commitmentAsks),
  customText: z.string().trim().max(500).nullable().optional().describe('what was asked, for ask "custom"'),
  answer: z.enum(commitmentAnswers).default('awaiting'),
  dueOn: dateOnly.nullable().optional(),
  personId,
}).refine((c) => c.ask !== 'custom' || !!c.customText, { message: 'Say what was asked.', path: ['customText'] });
export type CommitmentInput = z.infer<typeof commitmentInput>;

export const followUpInput = z.strictObject({
  assigneeAccountId: z.string().uuid().optional().describe('default: me'),
  dueOn: dateOnly,
  reason: z.string().trim().max(1000).default(''),
  personId,
});
export type FollowUpInput = z.infer<typeof followUpInput>;

export const notesInput = z.strictObject({ selfInterest: note, story: note });

export const logConversationBody = z.strictObject({
  id: z.string().uuid().optional().describe('client-generated id: replaying the same submission returns the same record, never a second one'),
  unitId: z.string().uuid().optional().describe('the unit the conversation belongs to (default: the first known person’s unit, or my only unit)'),
  kind: z.enum(conversationKinds),
  people: z.array(z.union([z.string().uuid(), newPersonInput])).min(1).max(50).describe('ids of people spoken with, and new people to create'),
  organisers: z.array(z.string().uuid()).max(20).default([]).describe('co-organisers’ account ids (I am always one)'),
  occurredAt,
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  outcome: z.enum(conversationOutcomes).default('spoke'),
  issues: z.array(issueRaisedInput).max(50).default([]),
  notes: notesInput.default({}),
  assessments: z.array(assessmentInput).max(50).default([]),
  commitments: z.array(commitmentInput).max(20).default([]),
  followUps: z.array(followUpInput).max(20).default([]),
});
export type LogConversationInput = z.infer<typeof logConversationBody>;

export const updateConversationBody = z.strictObject({
  kind: z.enum(conversationKinds).optional(),
  occurredAt: occurredAt.optional(),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  outcome: z.enum(conversationOutcomes).optional(),
  organisers: z.array(z.string().uuid()).max(20).optional().describe('replaces the co-organisers'),
  notes: notesInput.optional().describe('keys given are set; null clears'),
  issues: z.array(issueRaisedInput).max(50).optional().describe('replaces the issues raised'),
  assessments: z.array(assessmentInput).max(50).optional().describe('replaces the assessments'),
});
export type UpdateConversationInput = z.infer<typeof updateConversationBody>;
