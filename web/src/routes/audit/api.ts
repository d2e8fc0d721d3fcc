import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** One row of GET /api/audit. */
export interface AuditItem {
  id: string;
  createdAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  unitId: string | null;
  unitName: string | null;
  actor: { id: string; displayName: string | null } | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
}

/** Filters as they appear in the page's address: dates are whole days (YYYY-MM-DD). */
export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  unit?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export const auditFilterKeys = ['action', 'entityType', 'entityId', 'unit', 'actor', 'from', 'to'] as const;

// Whole days in the browser's time zone; "to" includes its whole day.
const startOfDay = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};
const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** One page of the audit log. */
export function useAuditLog(filter: AuditFilter, cursor: string | undefined) {
  const params = new URLSearchParams();
  for (const key of ['action', 'entityType', 'entityId', 'unit', 'actor'] as const) if (filter[key]) params.set(key, filter[key]!);
  if (isDay(filter.from)) params.set('from', startOfDay(filter.from));
  if (isDay(filter.to)) params.set('to', startOfDay(filter.to, 1));
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '50');
  return useQuery({
    queryKey: ['audit', params.toString()],
    queryFn: () => api<{ items: AuditItem[]; nextCursor: string | null }>(`/audit?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}
