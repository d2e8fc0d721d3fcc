import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** GET /api/dashboard */
export interface Dashboard {
  roles: { role: string; unitId: string; unitName: string; unitKind: string }[];
  figures: { people: number; addedLast30Days: number; members: number; supporters: number } | null;
  breakdown: { unitId: string; parentId: string | null; name: string; kind: string; direct: boolean; people: number; addedLast30Days: number }[];
  breakdownTruncated: boolean;
  recentActions: { id: string; action: string; entityType: string; entityId: string | null; createdAt: string }[];
}

/** The signed-in person's home dashboard. */
export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('/dashboard') });
}
