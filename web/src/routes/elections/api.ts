import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface Election { name: string; heldOn: string; boundarySet: string; parties: string[]; seats: number; sourceFile: string; importedAt: string }
export interface Scope { level: 'uk' | 'gb' | 'nation' | 'region' | 'constituency'; code: string | null; name: string }
export interface PartyLine { party: string; name: string; votes: number | null; sharePct: number | null; changePts: number | null; seats: number; seatChange: number | null }
export interface Summary {
  election: { name: string; heldOn: string; boundarySet: string };
  compare: { name: string; heldOn: string } | null;
  area: Scope;
  seats: number;
  electorate: number;
  validVotes: number;
  invalidVotes: number;
  turnoutPct: number;
  turnoutChangePts: number | null;
  parties: PartyLine[];
  swing: { from: string; to: string; points: number } | null;
  notes: string[];
}
export interface Seat {
  code: string; name: string; regionCode: string; regionName: string; nationCode: string;
  winner: string; winnerVotes: number | null; winnerSharePct: number | null; runnerUp: string; runnerUpVotes: number | null; runnerUpSharePct: number | null;
  majority: number; majorityPct: number; swingToFlipPts: number; electorate: number; validVotes: number; turnoutPct: number; result: string; memberName: string | null;
  shares: Record<string, number>; changes: Record<string, number> | null; challengerSwingPts: number | null; rank: number;
}
export interface Hex { code: string; name: string; q: number; r: number; regionName: string; winner: string; majorityPct: number; sharePct: number | null; changePts: number | null; swingNeededPts: number | null }
export interface Scenario {
  from: string; to: string; swing: number; area: Scope; seatsInArea: number;
  changes: { code: string; name: string; regionName: string; before: string; after: string; majorityPctBefore: number; marginPctAfter: number }[];
  seatsBefore: Record<string, number>; seatsAfter: Record<string, number>;
}
export interface TargetList { id: string; unitId: string; unitName: string; election: string; name: string; notes: string; basis: Record<string, unknown>; seatCount: number; createdAt: string }
export interface Impact {
  party: string; partyName: string; from: string; to: string; area: Scope | null; source: { kind: 'list' | 'records'; description: string };
  method: { matching: string; k: number; caliperPts: number; resamples: number; seed: number; confidencePct: number };
  organised: { seats: number; meanChangePts: number }; comparison: { seats: number; meanChangePts: number };
  difference: { pts: number; lowPts: number; highPts: number }; regional: { regions: string[]; changePts: number };
  seats: { code: string; name: string; regionName: string; organised: boolean; priorSharePct: number; priorMajorityPct: number; changePts: number; matchedWith: string[] }[];
  excluded: { code: string; name: string; reason: string }[];
  caveats: string[];
  statement: string;
}
export interface Organising {
  window: { since: string | null; until: string | null };
  sources: { key: string; label: string; kind: 'presence' | 'activity'; available: boolean }[];
  items: { code: string; name: string; regionName: string; counts: Record<string, number | null>; organised: boolean }[];
  description: string;
}

const qs = (o: Record<string, string | number | boolean | undefined | null>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p.toString();
};
const long = 10 * 60_000;

/** Imported elections, oldest first. */
export function useElections() {
  return useQuery({ queryKey: ['elections'], queryFn: () => api<{ items: Election[] }>('/elections'), staleTime: long });
}

/** Elections on the same boundaries held before `name`, newest first: what it can be compared with. */
export function comparable(elections: Election[], name: string): Election[] {
  const e = elections.find((x) => x.name === name);
  return e ? elections.filter((x) => x.boundarySet === e.boundarySet && x.heldOn < e.heldOn).reverse() : [];
}

export function useBreakdown(election: string, level: 'region' | 'nation', compare?: string) {
  return useQuery({
    queryKey: ['elections', election, 'breakdown', level, compare],
    queryFn: () => api<{ items: Summary[] }>(`/elections/${encodeURIComponent(election)}/breakdown?${qs({ level, compare })}`),
    enabled: !!election,
    staleTime: long,
  });
}

export function useHexMap(election: string, party: string, compare?: string, enabled = true) {
  return useQuery({
    queryKey: ['elections', election, 'map', party, compare],
    queryFn: () => api<{ layout: string; party: string | null; hexes: Hex[] }>(`/elections/${encodeURIComponent(election)}/map?${qs({ party, compare })}`),
    enabled: !!election && enabled,
    staleTime: long,
  });
}

export interface SeatQuery { heldBy?: string; challenger?: string; maxMajorityPct?: string; region?: string; compare?: string }
export function useSeats(election: string, q: SeatQuery) {
  return useQuery({
    queryKey: ['elections', election, 'seats', q],
    queryFn: () => api<{ items: Seat[]; total: number }>(`/elections/${encodeURIComponent(election)}/seats?${qs({ ...q, limit: 650 })}`),
    enabled: !!election,
    staleTime: long,
  });
}

export interface ScenarioQuery { from: string; to: string; swing: number; region?: string; nation?: string }
export function fetchScenario(election: string, q: ScenarioQuery) {
  return api<Scenario>(`/elections/${encodeURIComponent(election)}/scenario?${qs({ ...q })}`);
}

export function useTargetLists() {
  return useQuery({ queryKey: ['target-lists'], queryFn: () => api<{ items: TargetList[]; nextCursor: string | null }>('/elections/target-lists?limit=200') });
}

export function useTargetList(id: string) {
  return useQuery({ queryKey: ['target-lists', id], queryFn: () => api<TargetList & { seats: (Omit<Seat, 'rank' | 'challengerSwingPts'> & { position: number })[] }>(`/elections/target-lists/${id}`) });
}

export function useOrganising(election: string, since?: string, until?: string) {
  return useQuery({
    queryKey: ['impact', 'organising', election, since, until],
    queryFn: () => api<Organising>(`/impact/organising?${qs({ election, since, until })}`),
    enabled: !!election,
  });
}

/** Units the caller may save target lists for. */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => api<{ items: { id: string; name: string; depth: number }[] }>('/units'), staleTime: 60_000 });
}
