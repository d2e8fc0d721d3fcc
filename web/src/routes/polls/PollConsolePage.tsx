import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { Breadcrumbs, ConfirmDialog, PageHeader, QueryState, StatusMessage } from '../../components/index.ts';
import { pollKeys, useHostStream, useMeetingPoll, type HostState } from './api.ts';
import { ResultsView } from './ResultsView.tsx';
import { ThemesPanel } from './ThemesPanel.tsx';
import './polls.css';

/** The join code, link and QR code, large enough to read from the back of a room. */
export function JoinPanel({ s }: { s: HostState }) {
  const { t } = useTranslation();
  return (
    <div className="poll-join card">
      <svg viewBox={`0 0 ${s.qr.size} ${s.qr.size}`} role="img" aria-label={t('polls.console.qr')} shapeRendering="crispEdges">
        <rect width={s.qr.size} height={s.qr.size} fill="#fff" />
        <path d={s.qr.path} fill="#000" />
      </svg>
      <div>
        <p>{t('polls.console.code')}</p>
        <p className="poll-code">{s.joinCode}</p>
        <p>{t('polls.console.join', { url: s.joinUrl.replace(/\/[^/]+$/, ''), code: s.joinCode })}</p>
        <p>{t('polls.console.participants', { count: s.participants })}</p>
      </div>
    </div>
  );
}

/** /polls/:eventId: the host runs the meeting's live poll: start it, ask and close questions, watch answers arrive. */
export function PollConsolePage() {
  const { t } = useTranslation();
  const { eventId } = useParams();
  const queryClient = useQueryClient();
  const meeting = useMeetingPoll(eventId);
  const { state: s, live } = useHostStream(meeting.data?.session ?? null);
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body?: unknown) => {
    try {
      setError(null);
      await api(path, { method: 'POST', body });
      await queryClient.invalidateQueries({ queryKey: pollKeys.meeting(eventId!) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    }
  };
  const open = s?.questions.find((q) => q.state === 'open');
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.events'), to: '/events' }, { label: s?.eventTitle ?? '…', to: `/events/${eventId}` }, { label: t('polls.detail.poll') }]} />
      <QueryState isLoading={meeting.isLoading} error={meeting.error} retry={() => void meeting.refetch()}>
        <PageHeader
          title={t('polls.console.title', { title: s?.eventTitle ?? '' })}
          lead={s ? <>{s.programmeTitle} · <span role="status">{s.status === 'closed' ? t('polls.console.ended') : live ? t('polls.console.live') : t('polls.console.reconnecting')}</span></> : undefined}
          actions={s && (
            <>
              <Link className="button button--secondary" to={`/polls/${eventId}/screen`}>{t('polls.console.screen')}</Link>
              {s.status === 'open' ? (
                <ConfirmDialog triggerLabel={t('polls.console.end')} triggerClassName="button--secondary" title={t('polls.console.endTitle')} confirmLabel={t('polls.console.end')} destructive onConfirm={() => act(`/polls/sessions/${s.sessionId}/close`)}>
                  <p>{t('polls.console.endBody')}</p>
                </ConfirmDialog>
              ) : <button type="button" onClick={() => void act('/polls/sessions', { eventId })}>{t('polls.console.reopen')}</button>}
            </>
          )}
        />
        {error && <StatusMessage kind="error">{error}</StatusMessage>}
        {meeting.data && !meeting.data.programmeId && <StatusMessage>{t('polls.console.noProgramme')}</StatusMessage>}
        {meeting.data?.programmeId && !s && <button type="button" onClick={() => void act('/polls/sessions', { eventId })}>{t('polls.console.start')}</button>}
        {s && (
          <>
            {s.status === 'open' && <JoinPanel s={s} />}
            <p className="visually-hidden" aria-live="polite">{open ? t('polls.console.nowAsking', { prompt: open.prompt }) : ''}</p>
            <h2>{t('polls.console.questions')}</h2>
            <ol>
              {s.questions.map((q) => (
                <li key={q.id} className="card poll-question">
                  <div className="poll-question__head">
                    <h3>{q.prompt}</h3>
                    <span className="muted">{t(`polls.kinds.${q.kind}`)} · {t(`polls.console.state.${q.state}`)}</span>
                  </div>
                  {s.status === 'open' && q.state === 'waiting' && <button type="button" onClick={() => void act(`/polls/sessions/${s.sessionId}/questions/${q.id}/open`)} aria-label={`${t('polls.console.open')}: ${q.prompt}`}>{t('polls.console.open')}</button>}
                  {q.state === 'open' && <button type="button" className="button--secondary" onClick={() => void act(`/polls/sessions/${s.sessionId}/questions/${q.id}/close`)} aria-label={`${t('polls.console.close')}: ${q.prompt}`}>{t('polls.console.close')}</button>}
                  {q.state !== 'waiting' && <ResultsView result={q.result} texts={q.texts} />}
                  {q.state !== 'waiting' && q.kind === 'open_text' && <ThemesPanel programmeId={s.programmeId} questionId={q.id} scope={{ eventId: s.eventId }} answers={q.result.responses} />}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </>
  );
}
