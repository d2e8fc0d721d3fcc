import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** Close reports of a meeting and of a listening programme (their poll results use the polls' strings). */
export const reportRoutes: RouteObject[] = [
  sessionRoute('/events/:id/report', () => import('./MeetingReportPage.tsx').then((m) => m.MeetingReportPage), ['closeReport', 'polls']),
  sessionRoute('/programmes/:id/report', () => import('./ProgrammeReportPage.tsx').then((m) => m.ProgrammeReportPage), ['closeReport', 'polls']),
];
