import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The units pages, each loaded on first visit. */
export const unitRoutes: RouteObject[] = [
  sessionRoute('/units', () => import('./UnitsPage.tsx').then((m) => m.UnitsPage)),
  sessionRoute('/units/:id', () => import('./UnitPage.tsx').then((m) => m.UnitPage)),
];
