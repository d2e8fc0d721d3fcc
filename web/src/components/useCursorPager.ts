import { useCallback, useState } from 'react';

/**
 * Next/previous paging over a cursor-paginated list: the API only gives the next cursor, so
 * the cursors of pages already seen are kept to step back.
 */
export function useCursorPager() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const next = useCallback((cursor: string) => setStack((s) => [...s, cursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { cursor: stack[stack.length - 1], page: stack.length, hasPrevious: stack.length > 1, next, previous, reset };
}
