import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface ThemeAnswer { voteId: string; text: string }
export interface ThemesView {
  scope: 'breakout' | 'meeting' | 'programme'; programmeId: string; questionId: string; prompt: string; eventId: string | null; breakoutId: string | null;
  canConfirm: boolean; answers: number; partial: boolean;
  confirmed: { id: string; label: string; count: number; examples: string[]; answers: ThemeAnswer[]; suggestedAnswers: ThemeAnswer[] }[];
  suggested: { key: string; label: string; terms: string[]; count: number; examples: string[]; answers: ThemeAnswer[] }[];
  other: { count: number; examples: string[]; answers: ThemeAnswer[] };
  rejectedTerms: string[];
}
export interface ThemeRollup {
  programmeId: string; questionId: string; answers: number; meetings: number; themed: number; unthemed: number;
  themes: { label: string; count: number; confirmations: number; examples: string[] }[];
}
export interface ThemeScopeRef { eventId?: string; breakoutId?: string }

export const themesPath = (programmeId: string, questionId: string) => `/programmes/${programmeId}/questions/${questionId}/themes`;
const scopeQuery = (s: ThemeScopeRef) => new URLSearchParams({ ...(s.eventId ? { event: s.eventId } : {}), ...(s.breakoutId ? { breakout: s.breakoutId } : {}) }).toString();

export const themeKeys = {
  scope: (programmeId: string, questionId: string, s: ThemeScopeRef) => ['polls', 'themes', programmeId, questionId, s] as const,
  rollup: (programmeId: string, questionId: string, eventId: string) => ['polls', 'themes', programmeId, questionId, 'rollup', eventId] as const,
};

/** Themes of one question in a scope; `answers` (the live count) in the key refetches them as answers arrive. */
export const useThemes = (programmeId: string, questionId: string, s: ThemeScopeRef, answers: number) =>
  useQuery({
    queryKey: [...themeKeys.scope(programmeId, questionId, s), answers],
    queryFn: () => api<ThemesView>(`${themesPath(programmeId, questionId)}?${scopeQuery(s)}`),
    placeholderData: (prev) => prev,
  });

/** Confirmed themes of a meeting counted up (its groups' and its own), refreshed as answers arrive and every 10 seconds. */
export const useThemeRollup = (programmeId: string, questionId: string, eventId: string, answers: number) =>
  useQuery({
    queryKey: [...themeKeys.rollup(programmeId, questionId, eventId), answers],
    queryFn: () => api<ThemeRollup>(`${themesPath(programmeId, questionId)}/rollup?event=${eventId}`),
    placeholderData: (prev) => prev,
    refetchInterval: 10_000,
  });
