import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const unitKinds = ['national', 'nation', 'region', 'constituency', 'branch', 'affiliate'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** One row of GET /api/units: the visible tree, flat, in path order. */
export interface UnitListItem {
  id: string;
  orgId: string;
  parentId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  depth: number;
  areaCount: number;
  peopleCount: number | null;
}

/** GET /api/units/:id */
export interface UnitDetail {
  id: string;
  orgId: string;
  parentId: string | null;
  kind: UnitKind;
  code: string;
  name: string;
  areas: { code: string; name: string; kind: string }[];
  children: { id: string; name: string; code: string; kind: string }[];
}

export const unitsKey = ['units'] as const;

/** Every unit the caller can see. */
export function useUnits() {
  return useQuery({ queryKey: unitsKey, queryFn: () => api<{ items: UnitListItem[] }>('/units').then((r) => r.items), staleTime: 30_000 });
}

/** One unit with its areas and children. */
export function useUnit(id: string) {
  return useQuery({ queryKey: [...unitsKey, id], queryFn: () => api<UnitDetail>(`/units/${encodeURIComponent(id)}`) });
}

/** The unit and its ancestors, root first, from the flat list. */
export function ancestryOf(list: UnitListItem[], id: string): UnitListItem[] {
  const byId = new Map(list.map((u) => [u.id, u]));
  const chain: UnitListItem[] = [];
  for (let u = byId.get(id); u; u = u.parentId ? byId.get(u.parentId) : undefined) chain.unshift(u);
  return chain;
}
