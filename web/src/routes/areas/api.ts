import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const areaKinds = ['country', 'nation', 'region', 'constituency', 'local_authority', 'ward'] as const;
export type AreaKind = (typeof areaKinds)[number];

/** An area as GET /api/areas lists it. */
export interface Area {
  code: string;
  kind: AreaKind;
  name: string;
  parentCode: string | null;
  boundarySets: string[];
}

export interface AreaDetail extends Area {
  ancestors: Area[];
  childCount: number;
}

export interface AreaQuery {
  kind?: AreaKind;
  parent?: string;
  boundarySet?: '2010' | '2024';
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One page of areas; the previous page stays on screen while the next loads. */
export function useAreaList(query: AreaQuery, enabled = true) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return useQuery({
    queryKey: ['areas', 'list', params.toString()],
    queryFn: () => api<{ items: Area[]; nextCursor: string | null }>(`/areas?${params}`),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One area with its ancestors. */
export function useArea(code: string) {
  return useQuery({ queryKey: ['areas', 'one', code], queryFn: () => api<AreaDetail>(`/areas/${encodeURIComponent(code)}`), staleTime: 5 * 60_000 });
}
