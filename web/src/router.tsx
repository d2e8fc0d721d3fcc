import { Outlet, useRoutes, type RouteObject } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { PageBoundary } from './components/PageBoundary.tsx';
import { RequireSession } from './components/RequireSession.tsx';
import { NotFound } from './routes/NotFound.tsx';
import { authRoutes } from './routes/auth/routes.tsx';
import { homeRoutes } from './routes/home/routes.tsx';
import { unitRoutes } from './routes/units/routes.tsx';
import { areaRoutes } from './routes/areas/routes.tsx';
import { accountRoutes } from './routes/account/routes.tsx';
import { peopleRoutes } from './routes/people/routes.tsx';
import { electionRoutes } from './routes/elections/routes.tsx';
import { adminRoutes } from './routes/admin/routes.tsx';
import { auditRoutes } from './routes/audit/routes.tsx';
import { conversationRoutes } from './routes/conversations/routes.tsx';
import { organisingRoutes } from './routes/organising/routes.tsx';
import { eventRoutes } from './routes/events/routes.tsx';
import { campaignRoutes } from './routes/campaigns/routes.tsx';
import { pollRoutes } from './routes/polls/routes.tsx';
import { breakoutRoutes } from './routes/breakouts/routes.tsx';
import { reportRoutes } from './routes/reports/routes.tsx';

/**
 * Every page. Pages behind sign-in are wrapped in RequireSession; each page's code and strings are
 * loaded on first visit (lazyRoute) so the phone routes stay small.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [{ element: <PageBoundary />, children: [
      ...authRoutes,
      ...homeRoutes,
      ...unitRoutes,
      ...areaRoutes,
      ...accountRoutes,
      ...electionRoutes,
      ...adminRoutes,
      ...auditRoutes,
      ...conversationRoutes,
      ...organisingRoutes,
      ...eventRoutes,
      ...campaignRoutes,
      ...pollRoutes,
      ...breakoutRoutes,
      ...reportRoutes,
      // Each domain exports its own route list from web/src/routes/<domain>/routes.tsx.
      { element: <RequireSession><Outlet /></RequireSession>, children: peopleRoutes },
      { path: '*', element: <NotFound /> },
    ] }],
  },
];

/** The page for the current location (inside main.tsx's BrowserRouter). */
export function AppRoutes() {
  return useRoutes(routes);
}
