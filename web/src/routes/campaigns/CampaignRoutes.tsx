import { useRoutes, type RouteObject } from 'react-router';
import { lazyRoute } from '../../components/sessionRoute.tsx';
import { NotFound } from '../NotFound.tsx';

// The campaign pages, below /campaigns/. They are routed here rather than in the app's route
// list so that the entry bundle every phone downloads carries one campaigns route, not seven.
const list = lazyRoute('', () => import('./CampaignsPage.tsx').then((m) => m.CampaignsPage), ['campaigns']);
const pages: RouteObject[] = [
  { index: true, element: list.element, handle: list.handle },
  lazyRoute('new', () => import('./CampaignForm.tsx').then((m) => m.NewCampaignPage), ['campaigns', 'people', 'conversations']),
  lazyRoute('wins', () => import('./WinsPage.tsx').then((m) => m.WinsPage), ['campaigns']),
  lazyRoute(':id', () => import('./CampaignPage.tsx').then((m) => m.CampaignPage), ['campaigns', 'conversations', 'organising']),
  lazyRoute(':id/edit', () => import('./CampaignForm.tsx').then((m) => m.EditCampaignPage), ['campaigns', 'people', 'conversations']),
  lazyRoute(':id/actions/:actionId', () => import('./ActionPage.tsx').then((m) => m.ActionPage), ['campaigns', 'conversations', 'organising']),
  lazyRoute(':id/structure-tests/:testId', () => import('./StructureTestPage.tsx').then((m) => m.StructureTestPage), ['campaigns', 'conversations', 'organising']),
  lazyRoute(':id/power-map', () => import('./PowerMapPage.tsx').then((m) => m.PowerMapPage), ['campaigns', 'conversations', 'organising']),
  { path: '*', element: <NotFound /> },
];

/** /campaigns/…: signed in (the app's route checks), each page and its strings fetched on first visit. */
export function CampaignRoutes() {
  return useRoutes(pages);
}
