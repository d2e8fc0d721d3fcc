import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The audit log, loaded on first visit. */
export const auditRoutes: RouteObject[] = [sessionRoute('/audit', () => import('./AuditPage.tsx').then((m) => m.AuditPage), ['audit', 'units', 'admin'])];
