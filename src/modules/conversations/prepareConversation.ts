import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { notPickableMessage, pickableAccounts } from '../accounts/pickableAccounts.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import type { CommitmentAnswer, CommitmentAsk, CommitmentStatus } from '../commitments/schema.ts';
import { checkIssueRefs, type CheckedIssueRef } from '../issues/resolveIssueRefs.ts';
import { scalesByKey } from '../scales/queries.ts';
import { checkParticipants, type NewPersonPlan, type Participant } from './checkParticipants.ts';
import type { AssessmentInput, IssueRaisedInput, LogConversationInput } from './inputs.ts';
import type { AssessmentPhase, ConversationKind, ConversationOutcome } from './schema.ts';

/** Everything needed to write one conversation, checked: the write itself cannot fail on input. */
export interface ConversationPlan {
  id: string;
  orgId: string;
  unitId: string;
  unitPath: string;
  kind: ConversationKind;
  occurredAt: Date;
  durationMinutes: number | null;
  outcome: ConversationOutcome;
  selfInterest: string | null;
  story: string | null;
  source: string;
  submissionHash: string | null;
  createdBy: string | null;
  people: Participant[];
  newPeople: NewPersonPlan[];
  organiserIds: string[];
  issues: { ref: CheckedIssueRef; personIds: string[] }[];
  assessments: { scaleId: string; value: number; phase: AssessmentPhase; personId: string }[];
  commitments: { ask: CommitmentAsk; customText: string | null; answer: CommitmentAnswer; dueOn: string | null; personId: string; status?: CommitmentStatus; markedAt?: Date }[];
  followUps: { assigneeAccountId: string; dueOn: string; reason: string; personId: string; doneAt?: Date }[];
}

/** The fingerprint of a submission: the same body (after defaults) gives the same hash. */
export function submissionHash(input: LogConversationInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

const blankToNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

/** Resolves "whom is this about" for one item: the given person (one of those spoken with), or the only one. */
function personFor(given: string | undefined, people: Participant[], path: string, errors: FieldError[]): string {
  if (given) {
    if (!people.some((p) => p.id === given)) errors.push({ path, message: 'Not one of the people spoken with in this conversation.' });
    return given;
  }
  if (people.length > 1) errors.push({ path, message: 'Say which person this is about: more than one person was spoken with.' });
  return people[0]!.id;
}

/** Checks issues raised: taxonomy, and who raised each (default: everyone spoken with). */
export async function checkIssuesRaised(db: Db, orgId: string, list: IssueRaisedInput[], people: Participant[], errors: FieldError[]) {
  const { checked, errors: issueErrors } = await checkIssueRefs(db, orgId, list.map((i) => ('issueId' in i ? { issueId: i.issueId } : { text: i.text })));
  errors.push(...issueErrors);
  return list.map((item, i) => {
    const ids = item.personIds ?? people.map((p) => p.id);
    ids.forEach((pid, j) => {
      if (!people.some((p) => p.id === pid)) errors.push({ path: `issues.${i}.personIds.${j}`, message: 'Not one of the people spoken with in this conversation.' });
    });
    return { ref: checked[i] ?? { issueId: null, newSlug: null, label: '', rawText: null }, personIds: [...new Set(ids)] };
  });
}

/** Checks assessments against the organisation's live scales: range, phase, and one per person, scale and phase. */
export async function checkAssessments(db: Db, orgId: string, list: AssessmentInput[], people: Participant[], errors: FieldError[]) {
  const scales = await scalesByKey(db, orgId, [...new Set(list.map((a) => a.scaleKey))]);
  const seen = new Set<string>();
  return list.flatMap((a, i) => {
    const personId = personFor(a.personId, people, `assessments.${i}.personId`, errors);
    const scale = scales.get(a.scaleKey);
    if (!scale) {
      errors.push({ path: `assessments.${i}.scaleKey`, message: 'No scale with this key in your organisation.' });
      return [];
    }
    if (a.value < scale.minValue || a.value > scale.maxValue) errors.push({ path: `assessments.${i}.value`, message: `Must be from ${scale.minValue} to ${scale.maxValue}.` });
    if (scale.phases === 'single' && a.phase !== 'single') errors.push({ path: `assessments.${i}.phase`, message: 'This scale is rated once: use phase "single".' });
    if (scale.phases === 'before_after' && a.phase === 'single') errors.push({ path: `assessments.${i}.phase`, message: 'This scale is rated before and after: use phase "before" or "after".' });
    const key = `${personId}:${scale.id}:${a.phase}`;
    if (seen.has(key)) errors.push({ path: `assessments.${i}`, message: 'The same person is rated twice on this scale in this phase.' });
    seen.add(key);
    return [{ scaleId: scale.id, value: a.value, phase: a.phase, personId }];
  });
}

/**
 * Checks a submission against the database (people, unit, taxonomy, scales, accounts) and
 * returns the plan to write, or throws one 422 listing every problem. Reads only. Co-organisers
 * and follow-up assignees must be accounts the actor may pick to log with (`pickableAccounts`):
 * for the command line's system actor, anyone who logs conversations in the organisation.
 */
export async function prepareConversation(db: Db, actor: Actor, input: LogConversationInput, opts: { source?: string; createdBy?: string | null } = {}): Promise<ConversationPlan> {
  const source = opts.source ?? 'app';
  const id = input.id ?? crypto.randomUUID();
  const { unit, people, newPeople } = await checkParticipants(db, actor, id, input, source);
  const errors: FieldError[] = [];
  const createdBy = opts.createdBy === undefined ? actor.accountId : opts.createdBy;

  if (input.outcome !== 'spoke') {
    for (const key of ['issues', 'assessments', 'commitments'] as const) {
      if (input[key].length > 0) errors.push({ path: key, message: `Nothing can be ${key === 'issues' ? 'raised' : key === 'assessments' ? 'assessed' : 'committed to'} when the outcome is not "spoke".` });
    }
  }
  const assigneeIds = input.followUps.map((f) => f.assigneeAccountId ?? createdBy).filter((a): a is string => !!a);
  // Co-organisers read the notes: only colleagues the caller's directory offers may be named.
  const [known, issues, assessments] = await Promise.all([
    pickableAccounts(db, actor, 'log', unit.orgId, [...input.organisers, ...assigneeIds]),
    checkIssuesRaised(db, unit.orgId, input.issues, people, errors),
    checkAssessments(db, unit.orgId, input.assessments, people, errors),
  ]);
  input.organisers.forEach((a, i) => {
    if (!known.has(a)) errors.push({ path: `organisers.${i}`, message: notPickableMessage.log });
  });
  const commitments = input.commitments.map((c, i) => ({
    ask: c.ask, customText: blankToNull(c.customText), answer: c.answer, dueOn: c.dueOn ?? null,
    personId: personFor(c.personId, people, `commitments.${i}.personId`, errors),
  }));
  const followUps = input.followUps.flatMap((f, i) => {
    const assignee = f.assigneeAccountId ?? createdBy;
    if (!assignee) {
      errors.push({ path: `followUps.${i}.assigneeAccountId`, message: 'Say who will follow up.' });
      return [];
    }
    if (!known.has(assignee)) errors.push({ path: `followUps.${i}.assigneeAccountId`, message: notPickableMessage.log });
    return [{ assigneeAccountId: assignee, dueOn: f.dueOn, reason: f.reason, personId: personFor(f.personId, people, `followUps.${i}.personId`, errors) }];
  });
  if (errors.length > 0) throw validationFailed('Some details are not valid.', errors);

  return {
    id,
    orgId: unit.orgId,
    unitId: unit.id,
    unitPath: unit.path,
    kind: input.kind,
    occurredAt: new Date(input.occurredAt),
    durationMinutes: input.durationMinutes ?? null,
    outcome: input.outcome,
    selfInterest: blankToNull(input.notes.selfInterest),
    story: blankToNull(input.notes.story),
    source,
    submissionHash: submissionHash(input),
    createdBy,
    people,
    newPeople,
    organiserIds: [...new Set([...(createdBy ? [createdBy] : []), ...input.organisers])],
    issues,
    assessments,
    commitments,
    followUps,
  };
}
