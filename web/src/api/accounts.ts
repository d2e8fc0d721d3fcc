import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page } from './people.ts';

/** What the account directory is asked for: colleagues to log conversations with, or mentors. */
export type DirectoryPurpose = 'log' | 'mentor';

/** An account as pickers see it: a name and the units it works in, nothing more. */
export interface DirectoryAccount { id: string; displayName: string; units: { id: string; name: string }[] }

/** An account chosen in a form. */
export interface PickedAccount { id: string; displayName: string }

/** Colleagues whose name has every typed word; nothing until something is typed. */
export function useAccountDirectory(text: string, can: DirectoryPurpose, limit = 8) {
  const q = text.trim();
  return useQuery({
    queryKey: ['accounts', 'directory', can, q, limit],
    queryFn: () => api<Page<DirectoryAccount>>(`/accounts/directory?${new URLSearchParams({ can, q, limit: String(limit) }).toString()}`).then((p) => p.items),
    enabled: q.length >= 1,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
