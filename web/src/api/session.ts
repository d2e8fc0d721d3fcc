import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';

export interface Session {
  signedIn: boolean;
  account: { id: string; email: string; displayName: string } | null;
  grants: { unitId: string; orgId: string; role: string; permissions: string[] }[];
  csrfToken: string | null;
}

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<Session> {
  const s = await api<Session>('/auth/session');
  setCsrfToken(s.csrfToken);
  return s;
}

/** The signed-in account and its grants. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** True when any grant carries the permission (the server still checks each record). */
export function hasPermission(session: Session | undefined, permission: string): boolean {
  return !!session?.grants.some((g) => g.permissions.includes(permission));
}
