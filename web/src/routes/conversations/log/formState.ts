import type { PickedAccount } from '../../../api/accounts.ts';
import type { AssessmentPhase, CommitmentAnswer, CommitmentAsk, ConversationKind, ConversationOutcome, LogConversationInput, Scale } from '../../../api/conversations.ts';

/** Someone spoken with: a person already on record, or one met for the first time. */
export type PickedPerson =
  | { type: 'existing'; id: string; name: string; description?: string }
  | { type: 'new'; id: string; firstName: string; lastName: string; phone: string; postcode: string };

/** An issue raised: one from the taxonomy, or the person's own words (proposed as a new issue). */
export type PickedIssue = { issueId: string; label: string } | { text: string };

export interface CommitmentDraft { key: string; ask: CommitmentAsk | null; customText: string; answer: CommitmentAnswer; dueOn: string; personId: string }
/** `assignee` null: whoever logs the conversation (me). */
export interface FollowUpDraft { key: string; dueOn: string; reason: string; personId: string; assignee: PickedAccount | null }

export interface LogFormState {
  /** Client-generated id of the conversation: a retry or double tap can never log it twice. */
  id: string;
  kind: ConversationKind | null;
  people: PickedPerson[];
  /** Who held it with me (I am always one). */
  organisers: PickedAccount[];
  occurredAt: string;
  durationMinutes: string;
  outcome: ConversationOutcome;
  issues: PickedIssue[];
  selfInterest: string;
  story: string;
  /** Points by `${scaleKey}:${phase}`. */
  assessments: Record<string, number | undefined>;
  /** Whom the assessments are about when more than one person was spoken with. */
  assessedPersonId: string;
  commitments: CommitmentDraft[];
  followUps: FollowUpDraft[];
  unitId: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export function localDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A Date as YYYY-MM-DD in the browser's time zone, `days` from now. */
export function localDate(days = 0, from = new Date()): string {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A fresh form: now, spoke, nobody yet (or the person the page was opened for). */
export function emptyForm(person?: PickedPerson): LogFormState {
  return {
    id: crypto.randomUUID(),
    kind: null,
    people: person ? [person] : [],
    organisers: [],
    occurredAt: localDateTime(new Date()),
    durationMinutes: '',
    outcome: 'spoke',
    issues: [],
    selfInterest: '',
    story: '',
    assessments: {},
    assessedPersonId: '',
    commitments: [],
    followUps: [],
    unitId: '',
  };
}

export const newCommitment = (): CommitmentDraft => ({ key: crypto.randomUUID(), ask: null, customText: '', answer: 'yes', dueOn: '', personId: '' });
export const newFollowUp = (): FollowUpDraft => ({ key: crypto.randomUUID(), dueOn: localDate(7), reason: '', personId: '', assignee: null });

export const assessmentKey = (scaleKey: string, phase: AssessmentPhase) => `${scaleKey}:${phase}`;

/** Where a server error's path points in the form: the element id to focus and the section it sits in. */
export interface ErrorTarget { id: string; section?: SectionId }
export type SectionId = 'when' | 'notes' | 'assessments' | 'commitments' | 'followUps';

/** Element ids of the form's fields, so server errors can point at them. */
export const fieldId = {
  kind: 'conv-kind',
  people: 'conv-people',
  occurredAt: 'conv-occurred-at',
  durationMinutes: 'conv-duration',
  outcome: 'conv-outcome',
  issues: 'conv-issues',
  selfInterest: 'conv-self-interest',
  story: 'conv-story',
  unit: 'conv-unit',
  organisers: 'conv-organisers',
  assessment: (scaleKey: string, phase: AssessmentPhase) => `conv-assess-${scaleKey}-${phase}`,
  commitment: (i: number, field: string) => `conv-commitment-${i}-${field}`,
  followUp: (i: number, field: string) => `conv-follow-up-${i}-${field}`,
};

/** The API body for the form, and a map from each body path to the field it came from. */
export function toBody(s: LogFormState, scales: Scale[]): { body: LogConversationInput; targets: Record<string, ErrorTarget> } {
  const targets: Record<string, ErrorTarget> = {
    kind: { id: fieldId.kind }, people: { id: fieldId.people }, organisers: { id: fieldId.organisers, section: 'when' }, unitId: { id: fieldId.unit, section: 'when' },
    occurredAt: { id: fieldId.occurredAt, section: 'when' }, durationMinutes: { id: fieldId.durationMinutes, section: 'when' },
    outcome: { id: fieldId.outcome }, issues: { id: fieldId.issues }, 'notes.selfInterest': { id: fieldId.selfInterest, section: 'notes' },
    'notes.story': { id: fieldId.story, section: 'notes' }, notes: { id: fieldId.selfInterest, section: 'notes' },
    assessments: { id: 'conv-assessments', section: 'assessments' }, commitments: { id: 'conv-commitments', section: 'commitments' },
    followUps: { id: 'conv-follow-ups', section: 'followUps' },
  };
  const spoke = s.outcome === 'spoke';
  const several = s.people.length > 1;
  const about = (personId: string) => (several ? { personId: personId || s.people[0]!.id } : {});
  const scaleOrder = new Map(scales.map((sc, i) => [sc.key, i]));

  s.people.forEach((_, i) => { targets[`people.${i}`] = { id: fieldId.people }; });
  s.issues.forEach((_, i) => { targets[`issues.${i}`] = { id: fieldId.issues }; });
  s.organisers.forEach((_, i) => { targets[`organisers.${i}`] = { id: fieldId.organisers, section: 'when' }; });

  const assessments = spoke
    ? Object.entries(s.assessments)
      .filter((e): e is [string, number] => e[1] !== undefined)
      .map(([k, value]) => {
        const [scaleKey, phase] = k.split(':') as [string, AssessmentPhase];
        return { scaleKey, value, phase, ...about(s.assessedPersonId) };
      })
      .sort((a, b) => (scaleOrder.get(a.scaleKey) ?? 0) - (scaleOrder.get(b.scaleKey) ?? 0))
    : [];
  assessments.forEach((a, i) => {
    const target = { id: fieldId.assessment(a.scaleKey, a.phase), section: 'assessments' as const };
    for (const f of ['', '.value', '.phase', '.scaleKey', '.personId']) targets[`assessments.${i}${f}`] = target;
  });

  const commitments = spoke ? s.commitments : [];
  commitments.forEach((c, i) => {
    targets[`commitments.${i}`] = { id: fieldId.commitment(i, 'ask'), section: 'commitments' };
    for (const f of ['ask', 'customText', 'answer', 'dueOn', 'personId']) targets[`commitments.${i}.${f}`] = { id: fieldId.commitment(i, f), section: 'commitments' };
  });
  s.followUps.forEach((_, i) => {
    targets[`followUps.${i}`] = { id: fieldId.followUp(i, 'dueOn'), section: 'followUps' };
    for (const f of ['dueOn', 'reason', 'personId', 'assigneeAccountId']) targets[`followUps.${i}.${f}`] = { id: fieldId.followUp(i, f === 'assigneeAccountId' ? 'assignee' : f), section: 'followUps' };
  });

  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  const duration = s.durationMinutes.trim();
  const body: LogConversationInput = {
    id: s.id,
    ...(s.unitId ? { unitId: s.unitId } : {}),
    kind: s.kind ?? ('' as ConversationKind),
    people: s.people.map((p) => (p.type === 'existing' ? p.id : {
      id: p.id,
      firstName: p.firstName.trim(),
      lastName: p.lastName.trim(),
      contacts: p.phone.trim() ? [{ kind: 'phone' as const, value: p.phone.trim() }] : [],
      postcode: blank(p.postcode),
    })),
    organisers: s.organisers.map((o) => o.id),
    occurredAt: s.occurredAt ? new Date(s.occurredAt).toISOString() : '',
    durationMinutes: duration === '' ? null : Number(duration),
    outcome: s.outcome,
    issues: spoke ? s.issues.map((i) => ('issueId' in i ? { issueId: i.issueId } : { text: i.text })) : [],
    notes: { selfInterest: blank(s.selfInterest), story: blank(s.story) },
    assessments,
    commitments: commitments.map((c) => ({ ask: c.ask ?? ('' as CommitmentAsk), customText: c.ask === 'custom' ? blank(c.customText) : null, answer: c.answer, dueOn: c.dueOn || null, ...about(c.personId) })),
    followUps: s.followUps.map((f) => ({ ...(f.assignee ? { assigneeAccountId: f.assignee.id } : {}), dueOn: f.dueOn, reason: f.reason.trim(), ...about(f.personId) })),
  };
  return { body, targets };
}

/** The target of an error path: the path itself, or the nearest enclosing path the form knows. */
export function targetOf(path: string, targets: Record<string, ErrorTarget>): ErrorTarget | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const t = targets[parts.slice(0, n).join('.')];
    if (t) return t;
  }
  return undefined;
}
