import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The organising pages, each loaded on first visit. */
export const organisingRoutes: RouteObject[] = [
  sessionRoute('/organising', () => import('./DashboardPage.tsx').then((m) => m.DashboardPage), ['organising', 'conversations']),
  sessionRoute('/organising/my-people', () => import('./MyPeoplePage.tsx').then((m) => m.MyPeoplePage), ['organising', 'conversations']),
  sessionRoute('/organising/relationships/:personId', () => import('./RelationshipsPage.tsx').then((m) => m.RelationshipsPage), ['organising', 'conversations', 'people']),
  sessionRoute('/organising/ladder', () => import('./LadderPage.tsx').then((m) => m.LadderPage), ['organising', 'people']),
  sessionRoute('/organising/leaders', () => import('./LeadersPage.tsx').then((m) => m.LeadersPage), ['organising', 'people', 'accounts']),
  sessionRoute('/organising/issues', () => import('./SaliencePage.tsx').then((m) => m.SaliencePage), ['organising', 'conversations', 'people']),
  sessionRoute('/organising/taxonomy', () => import('./TaxonomyPage.tsx').then((m) => m.TaxonomyPage), ['organising', 'conversations']),
];
