import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { QueryState, SelectField } from '../../components/index.ts';
import { pollKeys, useMeetingPoll, type QuestionResult } from '../polls/api.ts';
import { ResultsView } from '../polls/ResultsView.tsx';
import type { Group } from './api.ts';

/** The meeting's poll results for the whole room, one breakout group, or those in no group; shown once the meeting is in a programme. */
export function BreakoutResults({ eventId, groups }: { eventId: string; groups: Group[] }) {
  const { t } = useTranslation();
  const meeting = useMeetingPoll(eventId);
  const programmeId = meeting.data?.programmeId ?? null;
  const [breakout, setBreakout] = useState('all');
  const filter = { event: eventId, ...(breakout === 'all' ? {} : { breakout }) };
  const results = useQuery({
    queryKey: pollKeys.results(programmeId ?? '', filter),
    queryFn: () => api<{ questions: QuestionResult[] }>(`/programmes/${programmeId}/results?${new URLSearchParams(filter).toString()}`),
    enabled: !!programmeId,
  });
  if (!programmeId) return null;
  return (
    <section aria-labelledby="breakout-results">
      <h2 id="breakout-results">{t('breakouts.results')}</h2>
      <SelectField label={t('breakouts.resultsFor')} value={breakout} onChange={(v) => setBreakout(v ?? 'all')}
        options={[{ id: 'all', label: t('breakouts.wholeMeeting') }, ...groups.map((g) => ({ id: g.id, label: g.name })), { id: 'none', label: t('breakouts.noGroup') }]} />
      <QueryState isLoading={results.isLoading} error={results.error} retry={() => void results.refetch()}>
        {results.data?.questions.map((q) => (
          <div key={q.id} className="card">
            <h3>{q.prompt}</h3>
            <ResultsView result={q} />
          </div>
        ))}
      </QueryState>
    </section>
  );
}
