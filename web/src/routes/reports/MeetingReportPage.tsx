import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { Breadcrumbs, formatDateTime, formatNumber, PageHeader, QueryState, StatusMessage } from '../../components/index.ts';
import { ResultsView } from '../polls/ResultsView.tsx';
import '../polls/polls.css';
import { reportKeys, useMeetingReport, type MeetingReport, type Minutes } from './api.ts';
import { ReportBars } from './ReportBars.tsx';
import './report.css';

function MinutesSection({ r }: { r: MeetingReport }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(r.minutes?.text ?? '');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = await api<{ minutes: Minutes | null }>(`/events/${r.event.id}/minutes`, { method: 'PUT', body: { text } });
      setText(saved.minutes?.text ?? '');
      await queryClient.invalidateQueries({ queryKey: reportKeys.meeting(r.event.id) });
      setStatus({ kind: 'ok', text: t('closeReport.minutesSaved') });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <section className="report-section" aria-labelledby="minutes">
      <h2 id="minutes">{t('closeReport.minutes')}</h2>
      {r.minutes ? (
        <>
          <p className="report-minutes">{r.minutes.text}</p>
          <p className="muted">{t('closeReport.minutesBy', { at: formatDateTime(r.minutes.updatedAt), by: r.minutes.updatedBy ?? '—' })}</p>
        </>
      ) : <p>{t('closeReport.minutesNone')}</p>}
      <form className="report-minutes-form" onSubmit={save}>
        <div className="field">
          <label htmlFor="minutes-text">{t('closeReport.minutesLabel')}</label>
          <textarea id="minutes-text" value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">{t('closeReport.minutesSave')}</button>
        {status && <StatusMessage kind={status.kind}>{status.text}</StatusMessage>}
      </form>
    </section>
  );
}

/** /events/:id/report: a meeting's close report, to read, download as CSV and print. */
export function MeetingReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const report = useMeetingReport(id);
  const r = report.data;
  const group = (g: string | null) => g ?? t('closeReport.wholeMeeting');
  return (
    <>
      <Breadcrumbs items={[{ label: r?.event.title ?? '…', to: `/events/${id}` }, { label: t('closeReport.crumb') }]} />
      <QueryState isLoading={report.isLoading} error={report.error} retry={() => void report.refetch()}>
        {r && (
          <>
            <PageHeader
              title={t('closeReport.title', { title: r.event.title })}
              lead={`${formatDateTime(r.event.startsAt)} · ${r.event.unit.name}`}
              actions={(
                <div className="report-actions">
                  <button type="button" onClick={() => window.print()}>{t('closeReport.print')}</button>
                  <a className="button button--secondary" href={`/api/events/${r.event.id}/report.csv`} download>{t('closeReport.download')}</a>
                </div>
              )}
            />
            <p className="muted">{t('closeReport.generated', { at: formatDateTime(r.generatedAt) })}</p>

            <section className="report-section" aria-labelledby="attendance">
              <h2 id="attendance">{t('closeReport.attendance')}</h2>
              <ul className="report-facts">
                {([['going', r.attendance.going], ['checkedIn', r.attendance.checkedIn], ['waitlisted', r.attendance.waitlisted], ['walkIns', r.attendance.walkIns], ['cancelled', r.attendance.cancelled]] as const).map(([k, v]) => (
                  <li key={k}><strong>{formatNumber(v)}</strong>{t(`closeReport.${k}`)}</li>
                ))}
              </ul>
            </section>

            <section className="report-section" aria-labelledby="organisations">
              <h2 id="organisations">{t('closeReport.organisations')}</h2>
              {r.organisations.items.length > 0 ? <ul>{r.organisations.items.map((o) => <li key={o.name}>{o.name}</li>)}</ul> : <p>{t('closeReport.organisationsNone')}</p>}
            </section>

            <MinutesSection r={r} />

            <section className="report-section" aria-labelledby="issues">
              <h2 id="issues">{t('closeReport.issues')}</h2>
              {r.issues.length === 0 ? <p>{t('closeReport.issuesNone')}</p> : (
                <ReportBars
                  title={t('closeReport.issuesChart')}
                  columns={[t('closeReport.issue'), t('closeReport.records'), t('closeReport.named'), t('closeReport.reported'), t('closeReport.groups')]}
                  rows={r.issues.map((i) => ({
                    key: i.issue.id, label: i.issue.label, value: i.records,
                    cells: [formatNumber(i.records), formatNumber(i.namedPeople), formatNumber(i.reportedPeople), i.groups.map(group).join(', ')],
                  }))}
                />
              )}
            </section>

            <section className="report-section" aria-labelledby="themes">
              <h2 id="themes">{t('closeReport.themes')}</h2>
              {r.themes.length === 0 ? <p>{t('closeReport.themesNone')}</p> : <ul>{r.themes.map((x, i) => <li key={i}>{x.text} <span className="muted">({group(x.group)})</span></li>)}</ul>}
            </section>

            <section className="report-section report-quotes" aria-labelledby="quotes">
              <h2 id="quotes">{t('closeReport.quotes')}</h2>
              {r.quotes.length === 0 ? <p>{t('closeReport.quotesNone')}</p> : r.quotes.map((q, i) => (
                <blockquote key={i}><p>{q.text}</p><footer className="muted">{group(q.group)}</footer></blockquote>
              ))}
            </section>

            <section className="report-section" aria-labelledby="polls">
              <h2 id="polls">{t('closeReport.polls')}</h2>
              {r.polls.programme && <p><Link to={`/programmes/${r.polls.programme.id}`}>{t('closeReport.programme', { title: r.polls.programme.title })}</Link></p>}
              {r.polls.questions.length === 0 ? <p>{t('closeReport.pollsNone')}</p> : r.polls.questions.map((q) => (
                <div key={q.id} className="card poll-question"><h3>{q.prompt}</h3><ResultsView result={q} /></div>
              ))}
              {r.polls.breakouts.length > 0 && (
                <>
                  <h3>{t('closeReport.breakouts')}</h3>
                  {r.polls.breakouts.map((b) => (
                    <div key={b.id ?? 'none'} className="card">
                      <h4>{b.id === null ? t('closeReport.inNoGroup') : (b.name ?? t('closeReport.removedGroup'))}</h4>
                      {b.questions.map((q) => <div key={q.id} className="poll-question"><h5>{q.prompt}</h5><ResultsView result={q} /></div>)}
                    </div>
                  ))}
                </>
              )}
            </section>
            <p className="muted">{t('closeReport.followUps')}</p>
          </>
        )}
      </QueryState>
    </>
  );
}
