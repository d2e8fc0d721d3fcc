import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { CommitmentAsk } from './conversations.ts';
import { api } from './client.ts';
import { peopleKeys, type Page, type PersonDetail } from './people.ts';

// Shapes mirror src/modules/ladder/views.ts, relationships/views.ts, leaders/views.ts and the
// organiser dashboard and salience routes.

export const ladderMetrics = ['conversations', 'one_to_ones', 'one_to_ones_held', 'people_recruited', 'people_brought', 'commitments_kept', 'events_attended', 'actions_attended', 'actions_led'] as const;
export type LadderMetric = (typeof ladderMetrics)[number];
export const relationshipKinds = ['family', 'friend', 'neighbour', 'housemate', 'co_worker', 'congregation', 'union', 'other'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];
export type RelationshipType = 'tie' | 'recruited' | 'brought';

export interface LevelRef { id: string; key: string; label: string; position: number; archived: boolean }
export interface AccountRef { id: string; displayName: string }
export interface LadderCondition { metric: LadderMetric; atLeast: number; withinDays: number | null }
export interface Level { id: string; position: number; key: string; label: string; description: string | null; nextStep: string; rule: { all: LadderCondition[] } }
export interface Levels { orgId: string; levels: Level[]; metrics: LadderMetric[] }

export interface Movement { upIn: number; downIn: number; upOut: number; downOut: number }
export interface Pipeline {
  orgId: string;
  levels: { level: LevelRef; people: number; last30: Movement; last90: Movement }[];
  offLadder: { last30: { joined: number; left: number }; last90: { joined: number; left: number } };
}

export interface PersonLadder {
  personId: string;
  level: LevelRef | null;
  computedLevel: LevelRef | null;
  manual: { level: LevelRef | null; reason: string | null; by: AccountRef | null; at: string | null } | null;
  nextStep: { offer: string | null; nextLevel: LevelRef | null; progress: { metric: LadderMetric; atLeast: number; withinDays: number | null; have: number; met: boolean }[] };
  history: { id: string; from: LevelRef | null; to: LevelRef | null; reason: string; note: string | null; changedBy: AccountRef | null; changedAt: string }[];
  historyTruncated: boolean;
}

export interface PersonRef { id: string; firstName: string; lastName: string }
export interface Relationship {
  id: string;
  type: RelationshipType;
  kind: RelationshipKind | null;
  strength: number | null;
  person: PersonRef;
  otherPerson: PersonRef;
  eventName: string | null;
  occurredOn: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface Graph {
  nodes: (PersonRef & { hop: number; level: LevelRef | null })[];
  edges: { id: string; type: RelationshipType; kind: RelationshipKind | null; strength: number | null; source: string; target: string }[];
  truncated: boolean;
}
export interface MyPerson {
  person: PersonRef & { unitId: string; wardCode: string | null };
  sources: ('added' | 'conversation' | 'recruited')[];
  lastSpokenAt: string | null;
  lastSpokenByMeAt: string | null;
  openCommitments: number;
  awaitingAnswers: number;
  level: LevelRef | null;
}

const qs = (pairs: [string, string | undefined][]) => {
  const kept = pairs.filter((p): p is [string, string] => !!p[1]);
  return kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
};

export const organisingKeys = {
  all: ['organising'] as const,
  levels: ['organising', 'levels'] as const,
  pipeline: (unit?: string, area?: string) => ['organising', 'pipeline', unit ?? null, area ?? null] as const,
  personLadder: (id: string) => ['organising', 'person-ladder', id] as const,
  relationships: (id: string) => ['organising', 'relationships', id] as const,
  graph: (person?: string) => ['organising', 'graph', person ?? 'mine'] as const,
  myPeople: (days?: number, cursor?: string) => ['organising', 'my-people', days ?? null, cursor ?? null] as const,
};

/** The organisation's ladder, lowest level first. */
export function useLevels() {
  return useQuery({ queryKey: organisingKeys.levels, queryFn: () => api<Levels>('/ladder/levels'), staleTime: 60_000 });
}
/** Replaces the whole ladder (admins at the organisation's root); everyone is recomputed. */
export const saveLevels = (levels: (Omit<Level, 'id' | 'position'> & { id?: string })[]) =>
  api<Levels & { recompute: { mode: 'done' | 'background'; people: number; moved: number | null } }>('/ladder/levels', { method: 'PUT', body: { levels } });

/** People per level and movement in the last 30 and 90 days, for a unit or area. */
export function usePipeline(unit?: string, area?: string) {
  return useQuery({ queryKey: organisingKeys.pipeline(unit, area), queryFn: () => api<Pipeline>(`/ladder/pipeline${qs([['unit', unit], ['area', area]])}`), placeholderData: keepPreviousData });
}

/** A person's level, next step and history. */
export function usePersonLadder(personId: string) {
  return useQuery({ queryKey: organisingKeys.personLadder(personId), queryFn: () => api<PersonLadder>(`/people/${personId}/ladder`) });
}
export const setManualLevel = (personId: string, levelId: string | null, reason: string) =>
  api<PersonLadder>(`/people/${personId}/ladder/override`, { method: 'POST', body: { levelId, reason } });
export const clearManualLevel = (personId: string) => api<PersonLadder>(`/people/${personId}/ladder/override`, { method: 'DELETE' });

/** A person's relationships (the first 200, newest first). */
export function useRelationships(personId: string) {
  return useQuery({ queryKey: organisingKeys.relationships(personId), queryFn: () => api<Page<Relationship>>(`/relationships?person=${personId}&limit=200`) });
}
export type NewRelationship =
  | { type: 'tie'; personId: string; otherPersonId: string; kind: RelationshipKind; strength: number }
  | { type: 'recruited'; personId: string; otherPersonId: string; occurredOn?: string }
  | { type: 'brought'; personId: string; otherPersonId: string; eventName: string; occurredOn: string };
export const createRelationship = (body: NewRelationship) => api<Relationship>('/relationships', { method: 'POST', body });
export const deleteRelationship = (id: string) => api<void>(`/relationships/${id}`, { method: 'DELETE' });

/** The relationship graph around a person, or around my people. */
export function useGraph(person?: string, depth: 1 | 2 = person ? 2 : 1) {
  return useQuery({ queryKey: [...organisingKeys.graph(person), depth], queryFn: () => api<Graph>(`/relationships/graph${qs([['person', person], ['mine', person ? undefined : 'true'], ['depth', String(depth)]])}`) });
}

/** A page of my people by name; `notSpokenForDays` keeps those not spoken with for that long. */
export function useMyPeople(notSpokenForDays: number | undefined, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: [...organisingKeys.myPeople(notSpokenForDays, cursor), limit],
    queryFn: () => api<Page<MyPerson>>(`/my-people${qs([['notSpokenForDays', notSpokenForDays?.toString()], ['limit', String(limit)], ['cursor', cursor]])}`),
    placeholderData: keepPreviousData,
  });
}
export const addMyPerson = (personId: string) => api<{ personId: string; added: boolean }>('/my-people', { method: 'POST', body: { personId } });
export const removeMyPerson = (personId: string) => api<void>(`/my-people/${personId}`, { method: 'DELETE' });

export const leaderSignals = ['recruited', 'brought', 'one_to_ones_held', 'one_to_ones_attended', 'commitments_kept', 'organising_assessment'] as const;
export type LeaderSignal = (typeof leaderSignals)[number];
export interface LeaderPerson { id: string; firstName: string; lastName: string; unitId: string; wardCode: string | null }
export interface Development { id: string; mentor: AccountRef; note: string | null; since: string }
export interface Leader {
  person: LeaderPerson;
  score: number;
  reasons: { signal: LeaderSignal; count: number; points: number }[];
  assessment: { scaleKey: string; scaleLabel: string; value: number; valueLabel: string | null; assessedAt: string } | null;
  level: LevelRef | null;
  development: Development | null;
}
export interface LeadersPage { windowDays: number; weights: Record<LeaderSignal, number>; items: Leader[]; nextCursor: string | null }
export interface DevelopmentRecord { id: string; person: LeaderPerson; mentor: AccountRef; note: string | null; startedAt: string; startedBy: AccountRef | null; level: LevelRef | null }

/** Potential leaders for a unit or area, ranked, with reasons. */
export function useLeaders(f: { unit?: string; area?: string; days: number }, cursor: string | undefined, limit = 25) {
  return useQuery({
    queryKey: ['organising', 'leaders', f, cursor ?? null, limit],
    queryFn: () => api<LeadersPage>(`/leaders${qs([['unit', f.unit], ['area', f.area], ['days', String(f.days)], ['limit', String(limit)], ['cursor', cursor]])}`),
    placeholderData: keepPreviousData,
  });
}
export const developLeader = (personId: string, mentorAccountId: string, note: string | null) =>
  api<DevelopmentRecord>(`/leaders/${personId}/develop`, { method: 'POST', body: { mentorAccountId, note } });
export const endDevelopment = (personId: string) => api<void>(`/leaders/${personId}/develop`, { method: 'DELETE' });


export interface Target { accountId: string; oneToOnesPerWeek: number; isDefault: boolean; updatedAt: string | null }
export interface OrganiserDashboard {
  generatedAt: string;
  timeZone: string;
  followUps: {
    overdue: number; dueToday: number; dueNext7Days: number;
    items: { id: string; person: PersonRef; dueOn: string; reason: string; overdue: boolean; conversationId: string | null }[];
  };
  oneToOnes: { weekStart: string; held: number; target: Target; byDay: { date: string; held: number }[] };
  awaitingAnswers: {
    count: number;
    items: { id: string; person: PersonRef; ask: CommitmentAsk; customText: string | null; askedAt: string; dueOn: string | null; conversationId: string | null }[];
  };
  notSpokenTo: { days: number; count: number; items: { person: PersonRef; lastSpokenAt: string | null }[] };
}

/** My organiser dashboard: follow-ups, one-to-ones against target, answers awaited, people gone quiet. */
export function useOrganiserDashboard(notSpokenDays: number) {
  return useQuery({ queryKey: ['organising', 'dashboard', notSpokenDays], queryFn: () => api<OrganiserDashboard>(`/organiser/dashboard?notSpokenDays=${notSpokenDays}`), placeholderData: keepPreviousData });
}
/** Sets my weekly one-to-one target. */
export const setMyTarget = (oneToOnesPerWeek: number) => api<Target>('/organiser/targets/me', { method: 'PUT', body: { oneToOnesPerWeek } });

export interface CountCell { people: number | null; suppressed: boolean }
export interface SalienceIssue { id: string; label: string; status: 'proposed' | 'approved' | 'rejected'; categoryId: string | null; categoryLabel: string | null }
export interface Salience {
  orgId: string;
  sources: string[];
  from: string;
  to: string;
  threshold: number;
  suppression: string;
  totalPeople: CountCell;
  issues: ({ issue: SalienceIssue } & CountCell)[];
  issuesTruncated: boolean;
  trend: { weeks: string[]; series: { issueId: string; points: CountCell[] }[] };
  byWard: {
    issueId: string | null;
    wards: { wardCode: string; wardName: string | null; total: CountCell; issue: CountCell; topIssue: ({ issueId: string } & CountCell) | null }[];
    wardsTruncated: boolean;
  };
}

/** Issues ranked by distinct people for a unit or area and period, with the weekly trend and wards. */
export function useSalience(f: { unit?: string; area?: string; from?: string; to?: string; issue?: string }) {
  return useQuery({
    queryKey: ['organising', 'salience', f],
    queryFn: () => api<Salience>(`/salience${qs([['unit', f.unit], ['area', f.area], ['from', f.from], ['to', f.to], ['issue', f.issue]])}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * Names of people known only by id (follow-up and commitment lists carry no names), shared with
 * the person page's cache. Callers pass at most a page of ids.
 */
export function usePersonNames(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)].slice(0, 50);
  const results = useQueries({
    queries: unique.map((id) => ({ queryKey: peopleKeys.one(id), queryFn: () => api<PersonDetail>(`/people/${id}`), staleTime: 60_000 })),
  });
  const out = new Map<string, string>();
  results.forEach((r, i) => { if (r.data) out.set(unique[i]!, [r.data.firstName, r.data.lastName].filter(Boolean).join(' ')); });
  return out;
}
