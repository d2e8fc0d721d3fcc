import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The elections and impact pages, each loaded on first visit (so the chart library stays off other pages). */
export const electionRoutes: RouteObject[] = [
  sessionRoute('/elections', () => import('./ResultsPage.tsx').then((m) => m.ResultsPage)),
  sessionRoute('/elections/seats', () => import('./SeatsPage.tsx').then((m) => m.SeatsPage)),
  sessionRoute('/elections/targets', () => import('./TargetListsPage.tsx').then((m) => m.TargetListsPage)),
  sessionRoute('/elections/targets/:id', () => import('./TargetListPage.tsx').then((m) => m.TargetListPage)),
  sessionRoute('/elections/impact', () => import('./ImpactPage.tsx').then((m) => m.ImpactPage)),
  sessionRoute('/elections/import', () => import('./ImportPage.tsx').then((m) => m.ImportPage)),
];
