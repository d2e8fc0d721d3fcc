import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { QueryState } from '../../components/index.ts';
import { ThemesPanel } from '../polls/ThemesPanel.tsx';
import '../polls/polls.css';

export interface OpenTextQuestions {
  eventId: string;
  questions: { programmeId: string; questionId: string; prompt: string; groups: { id: string; name: string; answers: number }[] }[];
}

/** The meeting's open-text questions with answer counts of the groups I facilitate, refreshed as answers arrive. */
export const useOpenTextQuestions = (eventId: string | undefined) =>
  useQuery({
    queryKey: ['breakouts', eventId ?? '', 'open-text-questions'] as const,
    queryFn: () => api<OpenTextQuestions>(`/polls/meetings/${eventId}/open-text-questions`),
    enabled: !!eventId,
    refetchInterval: 15_000,
  });

/**
 * A breakout group's "Themes" section on its facilitator's page: for each open-text question put at
 * the meeting, the themes panel scoped to this group (suggestions from its answers to confirm).
 */
export function GroupThemes({ eventId, groupId, questions }: { eventId: string; groupId: string; questions: ReturnType<typeof useOpenTextQuestions> }) {
  const { t } = useTranslation();
  const asked = questions.data?.questions.flatMap((q) => {
    const g = q.groups.find((x) => x.id === groupId);
    return g ? [{ ...q, answers: g.answers }] : [];
  }) ?? [];
  return (
    <section className="group-themes" aria-labelledby={`themes-${groupId}`}>
      <h3 id={`themes-${groupId}`}>{t('breakouts.themesTitle')}</h3>
      <QueryState isLoading={questions.isLoading} error={questions.error} retry={() => void questions.refetch()}>
        {asked.length === 0 ? <p>{t('breakouts.themesNone')}</p> : (
          <>
            <p className="muted">{t('breakouts.themesLead')}</p>
            {asked.map((q) => (
              <ThemesPanel key={q.questionId} programmeId={q.programmeId} questionId={q.questionId} scope={{ eventId, breakoutId: groupId }} answers={q.answers}
                title={t('breakouts.themesFor', { prompt: q.prompt })} />
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}
