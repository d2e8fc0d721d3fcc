import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The home dashboard, loaded on first visit. */
export const homeRoutes: RouteObject[] = [sessionRoute('/', () => import('./Home.tsx').then((m) => m.Home), ['home', 'units'])];
