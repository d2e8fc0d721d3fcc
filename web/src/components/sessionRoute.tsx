import { lazy, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { isStringDomain, loadStrings, type StringDomain } from '../i18n/index.ts';
import { RequireSession } from './RequireSession.tsx';

/** The strings domain a path's first segment names ('/' is home), if there is one. */
export function pathDomains(path: string): StringDomain[] {
  const segment = path.split('/')[1] || 'home';
  return isStringDomain(segment) ? [segment] : [];
}

/**
 * A route whose page code and strings are fetched together on first visit (React.lazy; PageBoundary
 * shows "Loading…" meanwhile), so the entry bundle stays small on phones. `strings` are the domains
 * (web/src/i18n/en/index.ts) whose strings the page uses, by default the one its path's first segment
 * names; test/pageStrings.test.ts checks that every page lists each domain its code uses.
 */
export function lazyRoute(path: string, load: () => Promise<ComponentType>, strings = pathDomains(path), wrap = (page: ReactNode) => page): RouteObject {
  // React.lazy keeps a failed fetch (offline, or chunks replaced by a new deploy): start afresh so the
  // next visit tries again.
  const attempt = (): ComponentType => lazy(() => Promise.all([load(), loadStrings(strings)]).then(
    ([Loaded]) => ({ default: Loaded }),
    (error: unknown) => { Page = attempt(); throw error; },
  ));
  let Page = attempt();
  const LazyPage = () => <Page />;
  return { path, handle: { strings }, element: wrap(<LazyPage />) };
}

/**
 * A lazy route (see lazyRoute) for signed-in people.
 * Usage: sessionRoute('/units/:id', () => import('./UnitPage.tsx').then((m) => m.UnitPage))
 * or, for a page using other domains' strings too, sessionRoute(path, load, ['conversations', 'people']).
 */
export function sessionRoute(path: string, load: () => Promise<ComponentType>, strings?: StringDomain[]): RouteObject {
  return lazyRoute(path, load, strings, (page) => <RequireSession>{page}</RequireSession>);
}
