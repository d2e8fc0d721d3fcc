import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page } from './people.ts';

// Shapes mirror src/modules/conversations/{inputs,views}.ts, commitments/, follow-ups/, issues/ and scales/.

export const conversationKinds = ['one_to_one', 'doorstep', 'phone', 'house_meeting', 'listening'] as const;
export type ConversationKind = (typeof conversationKinds)[number];
export const conversationOutcomes = ['spoke', 'not_home', 'refused', 'moved', 'come_back_later', 'inaccessible'] as const;
export type ConversationOutcome = (typeof conversationOutcomes)[number];
export const commitmentAsks = ['attend', 'host', 'sign', 'recruit', 'one_to_one', 'vote', 'custom'] as const;
export type CommitmentAsk = (typeof commitmentAsks)[number];
export const commitmentAnswers = ['yes', 'no', 'maybe', 'awaiting'] as const;
export type CommitmentAnswer = (typeof commitmentAnswers)[number];
export type CommitmentStatus = 'open' | 'kept' | 'broken';
export type AssessmentPhase = 'single' | 'before' | 'after';
export type IssueStatus = 'proposed' | 'approved' | 'rejected';

export interface Commitment {
  id: string;
  personId: string;
  conversationId: string | null;
  unitId: string;
  ask: CommitmentAsk;
  customText: string | null;
  answer: CommitmentAnswer;
  dueOn: string | null;
  status: CommitmentStatus;
  markedAt: string | null;
  askedAt: string;
  askedBy: string | null;
}

export interface FollowUp {
  id: string;
  personId: string;
  conversationId: string | null;
  unitId: string;
  assignee: { accountId: string; displayName: string | null };
  dueOn: string;
  reason: string;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
}

export interface Assessment {
  id: string;
  personId: string;
  conversationId: string;
  scale: { id: string; key: string; label: string; minValue: number; maxValue: number; higherIsBetter: boolean };
  value: number;
  valueLabel: string | null;
  phase: AssessmentPhase;
  assessedAt: string;
}

export interface Conversation {
  id: string;
  orgId: string;
  unit: { id: string; name: string };
  kind: ConversationKind;
  occurredAt: string;
  durationMinutes: number | null;
  outcome: ConversationOutcome;
  people: { id: string; name: string | null }[];
  organisers: { accountId: string; displayName: string }[];
  createdBy: string | null;
  source: string;
  commitments: Commitment[];
  followUps: FollowUp[];
  canEdit: boolean;
  /** Whether notes, issues and assessments are included (special category data). */
  sensitive: boolean;
  notes?: { selfInterest: string | null; story: string | null };
  issues?: { issue: { id: string; label: string; status: IssueStatus }; rawText: string | null; personIds: string[] }[];
  assessments?: Assessment[];
  createdAt: string;
  updatedAt: string;
}

export interface PersonTimeline {
  person: { id: string; firstName: string; lastName: string };
  conversations: Page<Conversation>;
  assessments: Assessment[];
  commitments: Commitment[];
  followUps: FollowUp[];
}

export interface IssueCategory { id: string; slug: string; label: string; sortOrder: number; archived: boolean }
export interface Issue {
  id: string;
  orgId: string;
  slug: string;
  label: string;
  description: string | null;
  categoryId: string | null;
  status: IssueStatus;
  mergedIntoId: string | null;
  proposedByMe: boolean;
  decidedAt: string | null;
}
export interface Taxonomy { orgId: string; categories: IssueCategory[]; issues: Issue[] }

export interface Scale {
  id: string;
  orgId: string;
  key: string;
  label: string;
  description: string | null;
  kind: 'organising' | 'support' | 'other';
  minValue: number;
  maxValue: number;
  pointLabels: Record<string, string>;
  higherIsBetter: boolean;
  phases: 'single' | 'before_after';
  sortOrder: number;
  archived: boolean;
}

/** A person met for the first time, created with the conversation. */
export interface NewPersonInput { id: string; firstName: string; lastName: string; contacts: { kind: 'email' | 'phone'; value: string }[]; postcode: string | null }
export type IssueRaisedInput = { issueId: string; personIds?: string[] } | { text: string; personIds?: string[] };

/** The body of POST /api/conversations. */
export interface LogConversationInput {
  id: string;
  unitId?: string;
  kind: ConversationKind;
  people: (string | NewPersonInput)[];
  organisers: string[];
  occurredAt: string;
  durationMinutes: number | null;
  outcome: ConversationOutcome;
  issues: IssueRaisedInput[];
  notes: { selfInterest: string | null; story: string | null };
  assessments: { scaleKey: string; value: number; phase: AssessmentPhase; personId?: string }[];
  commitments: { ask: CommitmentAsk; customText: string | null; answer: CommitmentAnswer; dueOn: string | null; personId?: string }[];
  followUps: { assigneeAccountId?: string; dueOn: string; reason: string; personId?: string }[];
}

/** The body of PATCH /api/conversations/:id (lists given replace what was there). */
export interface UpdateConversationInput {
  kind?: ConversationKind;
  occurredAt?: string;
  durationMinutes?: number | null;
  outcome?: ConversationOutcome;
  /** Co-organisers' account ids: replaces them (whoever logged it stays one). */
  organisers?: string[];
  notes?: { selfInterest: string | null; story: string | null };
  issues?: IssueRaisedInput[];
  assessments?: { scaleKey: string; value: number; phase: AssessmentPhase; personId?: string }[];
}

export interface ConversationFilter {
  organiser?: 'me';
  unit?: string;
  person?: string;
  kind?: ConversationKind;
  from?: string;
  to?: string;
}

const qs = (pairs: [string, string | undefined][]) => {
  const kept = pairs.filter((p): p is [string, string] => !!p[1]);
  return kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
};

export const conversationKeys = {
  all: ['conversations'] as const,
  list: (f: ConversationFilter, cursor?: string) => ['conversations', 'list', f, cursor ?? null] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
  timeline: (personId: string) => ['conversations', 'timeline', personId] as const,
  commitments: ['commitments'] as const,
  followUps: ['follow-ups'] as const,
  taxonomy: (status?: string) => ['issues', status ?? 'default'] as const,
  scales: ['scales'] as const,
};

/**
 * Logs a conversation. The client id makes the record exactly-once; the Idempotency-Key
 * (derived from the id and the body) lets a retry of the same submission replay the stored
 * answer, while a corrected submission after a refusal gets a fresh key.
 */
export async function logConversation(body: LogConversationInput): Promise<Conversation> {
  return api<Conversation>('/conversations', { method: 'POST', body, headers: { 'idempotency-key': `conv-${body.id}-${hashText(JSON.stringify(body))}` } });
}

/** A short, stable fingerprint of a string (FNV-1a, 32 bits, base 36): enough to tell two bodies apart in a key. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export const updateConversation = (id: string, body: UpdateConversationInput) => api<Conversation>(`/conversations/${id}`, { method: 'PATCH', body });
export const deleteConversation = (id: string) => api<void>(`/conversations/${id}`, { method: 'DELETE' });
/** Records an answer or marks a commitment kept/broken (open undoes). */
export const markCommitment = (id: string, body: { status?: CommitmentStatus; answer?: CommitmentAnswer; dueOn?: string | null }) =>
  api<Commitment>(`/commitments/${id}`, { method: 'PATCH', body });
/** Marks a follow-up done (or not), or moves it. */
export const updateFollowUp = (id: string, body: { done?: boolean; dueOn?: string; reason?: string }) => api<FollowUp>(`/follow-ups/${id}`, { method: 'PATCH', body });
export const createFollowUp = (body: { personId: string; dueOn: string; reason: string }) => api<FollowUp>('/follow-ups', { method: 'POST', body });

/** A page of conversations the caller may see, newest first. */
export function useConversations(f: ConversationFilter, cursor: string | undefined, limit = 25) {
  return useQuery({
    queryKey: conversationKeys.list(f, cursor),
    queryFn: () => api<Page<Conversation>>(`/conversations${qs([['organiser', f.organiser], ['unit', f.unit], ['person', f.person], ['kind', f.kind], ['from', f.from], ['to', f.to], ['limit', String(limit)], ['cursor', cursor]])}`),
    placeholderData: keepPreviousData,
  });
}

/** One conversation. */
export function useConversation(id: string | undefined) {
  return useQuery({ queryKey: conversationKeys.one(id ?? ''), queryFn: () => api<Conversation>(`/conversations/${id}`), enabled: !!id });
}

/** A person's organising timeline (first page of conversations, assessments, commitments, follow-ups). */
export function usePersonTimeline(personId: string | undefined) {
  return useQuery({ queryKey: conversationKeys.timeline(personId ?? ''), queryFn: () => api<PersonTimeline>(`/people/${personId}/timeline?limit=20`), enabled: !!personId });
}

/** A later page of a person's conversations. */
export const fetchTimelinePage = (personId: string, cursor: string) => api<PersonTimeline>(`/people/${personId}/timeline?limit=20&cursor=${encodeURIComponent(cursor)}`);

/** The organisation's issue taxonomy (approved issues and my own proposals, or the given statuses). */
export function useTaxonomy(status?: IssueStatus) {
  return useQuery({ queryKey: conversationKeys.taxonomy(status), queryFn: () => api<Taxonomy>(`/issues${qs([['status', status]])}`), staleTime: 60_000 });
}

/** The organisation's assessment scales in display order. */
export function useScales() {
  return useQuery({ queryKey: conversationKeys.scales, queryFn: () => api<{ items: Scale[] }>('/scales').then((r) => r.items), staleTime: 300_000 });
}

/** Commitments I may see, filtered. */
export function useCommitments(f: { askedBy?: 'me'; answer?: CommitmentAnswer; status?: CommitmentStatus; person?: string }, limit = 50) {
  return useQuery({
    queryKey: [...conversationKeys.commitments, f, limit],
    queryFn: () => api<Page<Commitment>>(`/commitments${qs([['askedBy', f.askedBy], ['answer', f.answer], ['status', f.status], ['person', f.person], ['limit', String(limit)]])}`),
  });
}

/** Follow-ups I may see, soonest due first. */
export function useFollowUps(f: { assignee?: 'me'; due?: 'overdue' | 'today' | 'week' | 'all'; status?: 'open' | 'done' | 'all' }, limit = 50) {
  return useQuery({
    queryKey: [...conversationKeys.followUps, f, limit],
    queryFn: () => api<Page<FollowUp>>(`/follow-ups${qs([['assignee', f.assignee], ['due', f.due], ['status', f.status], ['limit', String(limit)]])}`),
  });
}

/** After any change to a conversation, commitment or follow-up: every view of them is stale. */
export async function invalidateOrganising(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.commitments }),
    queryClient.invalidateQueries({ queryKey: conversationKeys.followUps }),
    queryClient.invalidateQueries({ queryKey: ['organising'] }),
    // Words raised as a new issue become a proposal in the taxonomy.
    queryClient.invalidateQueries({ queryKey: ['issues'] }),
  ]);
}

// Issue taxonomy management (organisers).
export const approveIssue = (id: string, categoryId?: string | null) => api<Issue>(`/issues/${id}/approve`, { method: 'POST', body: categoryId ? { categoryId } : {} });
export const rejectIssue = (id: string, mergeIntoId?: string | null) => api<Issue>(`/issues/${id}/reject`, { method: 'POST', body: mergeIntoId ? { mergeIntoId } : {} });
export const proposeIssue = (label: string, categoryId?: string | null) => api<Issue>('/issues', { method: 'POST', body: { label, ...(categoryId ? { categoryId } : {}) } });
export const updateIssue = (id: string, body: { label?: string; categoryId?: string | null }) => api<Issue>(`/issues/${id}`, { method: 'PATCH', body });

