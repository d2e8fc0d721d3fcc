import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const campaignPhases = ['build_relationships', 'identify_issues', 'choose_issue', 'organise_act', 'close_evaluate'] as const;
export type CampaignPhase = (typeof campaignPhases)[number];
export const stances = [-2, -1, 0, 1, 2] as const;
export const influences = [5, 4, 3, 2, 1] as const;

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface CampaignSummary {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  issue: { id: string; label: string; status: string } | null;
  phase: CampaignPhase;
  phaseChangedAt: string;
  deadline: string | null;
  wins: number;
  canManage: boolean;
}

export interface Campaign extends CampaignSummary {
  description: string;
  demand: string;
  goal: string;
  areas: { code: string; name: string; kind: string }[];
  history: { fromPhase: CampaignPhase | null; toPhase: CampaignPhase; direction: 'start' | 'forward' | 'backward'; reason: string | null; changedAt: string; changedBy: string | null }[];
  team: { personId: string; name: string; role: string; isLeader: boolean }[];
}

export interface Count { people: number | null; records: number | null; suppressed: boolean }
export interface Evidence {
  issue: { id: string; label: string } | null;
  available: boolean;
  from: string;
  to: string;
  areas: string[];
  threshold: number;
  suppression: string;
  total: Count;
  bySource: (Count & { source: string })[];
}

export interface MapActor {
  id: string;
  kind: 'person' | 'institution';
  personId: string | null;
  name: string;
  position: string;
  influence: number;
  stance: number;
  selfInterest: string;
  target: 'primary' | 'secondary' | null;
  notes: string;
  contacts: { personId: string; name: string; relationship: string }[];
}
export interface PowerMap {
  campaignId: string;
  canManage: boolean;
  actors: MapActor[];
  links: { id: string; fromActorId: string; toActorId: string; description: string }[];
  truncated: boolean;
}

export interface Win {
  id: string;
  campaignId: string;
  campaignTitle: string;
  unitId: string;
  unitName: string;
  wonOn: string;
  title: string;
  description: string;
  evidence: string;
  canManage: boolean;
}

export interface WinsPage { unitId: string; unitName: string; isPublic: boolean; publicUrl: string; canManage: boolean }
export interface PublicWins { unitName: string; items: { wonOn: string; title: string; description: string; campaignTitle: string }[]; nextCursor: string | null }

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (q: Record<string, unknown>) => ['campaigns', 'list', q] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
  evidence: (id: string) => ['campaigns', 'evidence', id] as const,
  map: (id: string) => ['campaigns', 'map', id] as const,
  wins: (q: Record<string, unknown>) => ['campaigns', 'wins', q] as const,
  winsPage: (unitId: string) => ['campaigns', 'wins-page', unitId] as const,
};

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: campaignKeys.one(id ?? ''), queryFn: () => api<Campaign>(`/campaigns/${id}`), enabled: !!id });
}

export function usePowerMap(id: string | undefined) {
  return useQuery({ queryKey: campaignKeys.map(id ?? ''), queryFn: () => api<PowerMap>(`/campaigns/${id}/power-map`), enabled: !!id });
}

/** "2 Oct 2026" for a date written YYYY-MM-DD (read as a calendar day, not an instant). */
export function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export const actionStatuses = ['planned', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const responseOutcomes = ['none', 'refused', 'partial', 'conceded'] as const;
export type ResponseOutcome = (typeof responseOutcomes)[number];

export interface CampaignAction {
  id: string;
  campaignId: string;
  title: string;
  actionOn: string;
  status: ActionStatus;
  event: { id: string; title: string | null; startsAt: string; cancelled: boolean } | null;
  target: { actorId: string; name: string } | null;
  asks: string[];
  turnoutGoal: number | null;
  turnout: { actual: number | null; source: 'recorded' | 'check_ins' | null; recorded: number | null; checkIns: number | null };
  responseOutcome: ResponseOutcome;
  evaluated: boolean;
  canManage: boolean;
}
export interface CampaignActionDetail extends CampaignAction {
  responseText: string;
  evaluation: { wentWell: string; toImprove: string; leaders: { personId: string; name: string }[]; leaderCount: number; evaluatedAt: string } | null;
}

export const actionKeys = {
  list: (campaignId: string) => ['campaigns', 'actions', campaignId] as const,
  one: (campaignId: string, actionId: string) => ['campaigns', 'actions', campaignId, actionId] as const,
};
