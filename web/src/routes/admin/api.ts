import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const roles = ['member', 'volunteer', 'organiser', 'unit_admin', 'dpo', 'national_admin'] as const;
export type Role = (typeof roles)[number];

/** The server's role ranks (src/modules/accounts/permissions.ts), used only to offer grantable roles; the server decides. */
export const roleRank: Record<Role, number> = { member: 0, volunteer: 1, organiser: 2, dpo: 3, unit_admin: 3, national_admin: 4 };

/** A grant as GET /api/admin/accounts shows it. */
export interface AdminGrant {
  id: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  orgId: string;
  role: Role;
  createdAt: string;
}

/** An account as GET /api/admin/accounts shows it: only its grants inside my units. */
export interface AdminAccount {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  grants: AdminGrant[];
}

export interface AccountFilter {
  q?: string;
  unit?: string;
  role?: string;
  status?: string;
}

export const adminAccountsKey = ['admin', 'accounts'] as const;

/** One page of the accounts I administer. */
export function useAdminAccounts(filter: AccountFilter, cursor: string | undefined) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', '25');
  return useQuery({
    queryKey: [...adminAccountsKey, filter, cursor ?? null],
    queryFn: () => api<{ items: AdminAccount[]; nextCursor: string | null }>(`/admin/accounts?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}
