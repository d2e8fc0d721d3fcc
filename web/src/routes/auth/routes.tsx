import type { RouteObject } from 'react-router';
import { lazyRoute } from '../../components/sessionRoute.tsx';

/** Signing in, loaded on first visit (its strings are the shell's). */
export const authRoutes: RouteObject[] = [
  lazyRoute('/sign-in', () => import('./SignIn.tsx').then((m) => m.SignIn), []),
  lazyRoute('/sign-in/complete', () => import('./SignInComplete.tsx').then((m) => m.SignInComplete), []),
];
