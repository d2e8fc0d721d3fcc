import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The events pages for signed-in people, each loaded on first visit. The public pages are a separate, lighter entry (public/main.ts). */
export const eventRoutes: RouteObject[] = [
  sessionRoute('/events', () => import('./EventsPage.tsx').then((m) => m.EventsPage)),
  sessionRoute('/events/new', () => import('./EventForm.tsx').then((m) => m.NewEventPage)),
  sessionRoute('/events/:id', () => import('./EventPage.tsx').then((m) => m.EventPage)),
  sessionRoute('/events/:id/edit', () => import('./EventForm.tsx').then((m) => m.EditEventPage)),
  sessionRoute('/events/:id/check-in', () => import('./CheckInPage.tsx').then((m) => m.CheckInPage)),
];
