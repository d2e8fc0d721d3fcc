import type { RouteObject } from 'react-router';
import { sessionRoute } from '../../components/sessionRoute.tsx';

/** The conversation pages, each loaded on first visit so the logging form stays small on phones. */
export const conversationRoutes: RouteObject[] = [
  sessionRoute('/conversations', () => import('./list/ConversationsList.tsx').then((m) => m.ConversationsList)),
  sessionRoute('/conversations/new', () => import('./log/LogConversation.tsx').then((m) => m.LogConversation), ['conversations', 'people', 'accounts']),
  sessionRoute('/conversations/:id', () => import('./detail/ConversationPage.tsx').then((m) => m.ConversationPage), ['conversations', 'people']),
  sessionRoute('/conversations/:id/edit', () => import('./detail/ConversationEdit.tsx').then((m) => m.ConversationEdit), ['conversations', 'people', 'accounts']),
];
