import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** Listening programmes and the host's side of live polls; the participants' page is a separate, lighter entry (public/main.ts). */
export const pollRoutes: RouteObject[] = [
  sessionRoute('/programmes', () => import('./ProgrammesPage.tsx').then((m) => m.ProgrammesPage), ['polls']),
  sessionRoute('/programmes/:id', () => import('./ProgrammePage.tsx').then((m) => m.ProgrammePage), ['polls']),
  sessionRoute('/polls/:eventId', () => import('./PollConsolePage.tsx').then((m) => m.PollConsolePage), ['polls']),
  sessionRoute('/polls/:eventId/screen', () => import('./PollScreenPage.tsx').then((m) => m.PollScreenPage), ['polls']),
];
