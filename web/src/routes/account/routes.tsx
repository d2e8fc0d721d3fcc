import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The account page, loaded on first visit. */
export const accountRoutes: RouteObject[] = [sessionRoute('/account', () => import('./AccountPage.tsx').then((m) => m.AccountPage))];
