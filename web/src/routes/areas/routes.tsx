import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The areas pages, each loaded on first visit. */
export const areaRoutes: RouteObject[] = [
  sessionRoute('/areas', () => import('./AreasPage.tsx').then((m) => m.AreasPage), ['units']),
  sessionRoute('/areas/:code', () => import('./AreaPage.tsx').then((m) => m.AreaPage), ['units']),
];
