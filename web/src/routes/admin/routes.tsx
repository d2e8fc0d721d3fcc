import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** Account administration, loaded on first visit. */
export const adminRoutes: RouteObject[] = [sessionRoute('/admin', () => import('./AdminPage.tsx').then((m) => m.AdminPage), ['admin', 'units'])];
