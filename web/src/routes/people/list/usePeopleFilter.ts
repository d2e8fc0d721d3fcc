import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filterToQuery, type PeopleFilter, type PeopleSort } from '../../../api/people.ts';

const KEYS = ['unit', 'area', 'tag', 'membership', 'q', 'sort'] as const;

/**
 * The list's filters live in the address bar, so a filtered list can be bookmarked or shared
 * and the browser's back button steps through earlier searches.
 */
export function usePeopleFilter() {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<PeopleFilter>(() => {
    const one = (k: string) => params.get(k) || undefined;
    return {
      unit: one('unit'),
      area: one('area'),
      tag: one('tag'),
      membership: one('membership') as PeopleFilter['membership'],
      q: one('q'),
      sort: one('sort') as PeopleSort | undefined,
    };
  }, [params]);

  const setFilter = useCallback(
    (next: PeopleFilter) => {
      const out = new URLSearchParams();
      for (const [k, v] of filterToQuery(next)) out.append(k, v);
      // Keep anything another feature put in the address that is not ours.
      for (const [k, v] of params) if (!(KEYS as readonly string[]).includes(k)) out.append(k, v);
      setParams(out);
    },
    [params, setParams],
  );
  return { filter, setFilter };
}
