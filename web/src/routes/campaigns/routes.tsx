import type { RouteObject } from 'react-router';
import { lazyRoute, sessionRoute } from '../../components/sessionRoute.tsx';

/**
 * Campaigns, power maps and wins for signed-in people (one route here; the pages below it are
 * routed in CampaignRoutes.tsx, each fetched with its own strings), and a unit's public wins page
 * for anyone. The strings listed are every domain the campaign pages use.
 */
export const campaignRoutes: RouteObject[] = [
  sessionRoute('/campaigns/*', () => import('./CampaignRoutes.tsx').then((m) => m.CampaignRoutes), ['campaigns', 'people', 'conversations', 'organising']),
  lazyRoute('/wins/:unitId', () => import('./PublicWinsPage.tsx').then((m) => m.PublicWinsPage), ['campaigns']),
];
