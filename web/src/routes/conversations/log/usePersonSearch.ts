import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Page, PersonSummary } from '../../../api/people.ts';
import { useDebouncedValue } from '../../../components/useDebouncedValue.ts';

/** People whose name, phone, email or postcode matches; nothing until two characters are typed. */
export function usePersonSearch(text: string) {
  const q = useDebouncedValue(text.trim(), 200);
  return useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: () => api<Page<PersonSummary>>(`/people?${new URLSearchParams({ q, limit: '8' }).toString()}`).then((p) => p.items),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

