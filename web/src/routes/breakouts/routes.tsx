import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** Breakout groups of a meeting: the host's page and a facilitator's own group. */
export const breakoutRoutes: RouteObject[] = [
  sessionRoute('/events/:id/breakouts', () => import('./BreakoutsPage.tsx').then((m) => m.BreakoutsPage), ['breakouts', 'events', 'polls']),
  sessionRoute('/events/:id/breakouts/mine', () => import('./MyBreakoutPage.tsx').then((m) => m.MyBreakoutPage), ['breakouts', 'polls']),
];
