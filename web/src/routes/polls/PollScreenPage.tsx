import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/index.ts';
import { useHostStream, useMeetingPoll } from './api.ts';
import { JoinPanel } from './PollConsolePage.tsx';
import { ResultsView } from './ResultsView.tsx';
import { ThemeRollupView } from './ThemeRollupView.tsx';
import './polls.css';

/** /polls/:eventId/screen: for the projector: how to join, the question open now (or the last one asked) and its live results. */
export function PollScreenPage() {
  const { t } = useTranslation();
  const { eventId } = useParams();
  const meeting = useMeetingPoll(eventId);
  const { state: s } = useHostStream(meeting.data?.session ?? null);
  const shown = s?.questions.find((q) => q.state === 'open') ?? [...(s?.questions ?? [])].reverse().find((q) => q.state === 'closed');
  return (
    <div className="poll-screen">
      <QueryState isLoading={meeting.isLoading} error={meeting.error} retry={() => void meeting.refetch()}>
        <h1>{t('polls.screen.title', { title: s?.eventTitle ?? '' })}</h1>
        <p><Link to={`/polls/${eventId}`}>{t('polls.screen.back')}</Link></p>
        {s && s.status === 'open' && <JoinPanel s={s} />}
        <div aria-live="polite">
          {shown ? (
            <section className="card" aria-labelledby="screen-question">
              <h2 id="screen-question">{shown.prompt}</h2>
              <ResultsView result={shown.result} texts={shown.texts} large />
              {shown.kind === 'open_text' && s && <ThemeRollupView programmeId={s.programmeId} questionId={shown.id} eventId={s.eventId} prompt={shown.prompt} answers={shown.result.responses} />}
            </section>
          ) : <p>{t('polls.screen.waiting')}</p>}
        </div>
      </QueryState>
    </div>
  );
}
