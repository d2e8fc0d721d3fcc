import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** GET /api/account/sessions */
export interface SessionRow { id: string; userAgent: string | null; createdAt: string; lastSeenAt: string; current: boolean }
/** GET /api/account/tokens */
export interface TokenRow { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null }

export const sessionsKey = ['account', 'sessions'] as const;
export const tokensKey = ['account', 'tokens'] as const;

/** My active sessions, newest activity first. */
export function useMySessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api<{ items: SessionRow[] }>('/account/sessions').then((r) => r.items) });
}

/** My API tokens (never the secrets). */
export function useMyTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api<{ items: TokenRow[] }>('/account/tokens').then((r) => r.items) });
}
