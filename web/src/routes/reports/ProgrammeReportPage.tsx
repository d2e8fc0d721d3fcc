import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs, DataTable, formatDateTime, formatNumber, PageHeader, QueryState, TextInput } from '../../components/index.ts';
import { ResultsView } from '../polls/ResultsView.tsx';
import '../polls/polls.css';
import { useProgrammeReport, type ProgrammeReport } from './api.ts';
import { ReportBars } from './ReportBars.tsx';
import './report.css';

type Meeting = ProgrammeReport['meetings'][number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /programmes/:id/report: the programme's combined close report, to read, download as CSV and print. */
export function ProgrammeReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [draft, setDraft] = useState('');
  const [unit, setUnit] = useState('');
  const [unitError, setUnitError] = useState<string | undefined>();
  const report = useProgrammeReport(id, unit);
  const r = report.data;
  const titleOf = new Map((r?.meetings ?? []).map((m) => [m.eventId, m.title]));
  const status = (m: Meeting) => (m.status === 'cancelled' ? t('closeReport.statusCancelled') : m.held ? t('closeReport.statusHeld') : t('closeReport.statusUpcoming'));
  const csv = `/api/programmes/${id}/report.csv${unit ? `?${new URLSearchParams({ unit })}` : ''}`;
  return (
    <>
      <Breadcrumbs items={[{ label: r?.programme.title ?? '…', to: `/programmes/${id}` }, { label: t('closeReport.crumb') }]} />
      <QueryState isLoading={report.isLoading} error={report.error} retry={() => void report.refetch()}>
        {r && (
          <>
            <PageHeader
              title={t('closeReport.title', { title: r.programme.title })}
              lead={r.programme.unit.name}
              actions={(
                <div className="report-actions">
                  <button type="button" onClick={() => window.print()}>{t('closeReport.print')}</button>
                  <a className="button button--secondary" href={csv} download>{t('closeReport.download')}</a>
                </div>
              )}
            />
            <p className="muted">{t('closeReport.generated', { at: formatDateTime(r.generatedAt) })}</p>
            <form className="filter-row no-print" onSubmit={(e) => {
              e.preventDefault();
              // Only a unit id reaches the server, so a typo never replaces the report with an error.
              const next = draft.trim();
              if (next && !UUID.test(next)) return setUnitError(t('closeReport.filterUnitInvalid'));
              setUnitError(undefined);
              setUnit(next);
            }}>
              <TextInput label={t('closeReport.filterUnit')} value={draft} onChange={setDraft} autoComplete="off" error={unitError} />
              <button type="submit">{t('closeReport.apply')}</button>
            </form>

            <section className="report-section" aria-labelledby="totals">
              <h2 id="totals">{t('closeReport.totals')}</h2>
              <ul className="report-facts">
                {([['totalMeetings', r.totals.meetings], ['totalHeld', r.totals.held], ['totalPolled', r.totals.withPoll], ['going', r.totals.going], ['checkedIn', r.totals.checkedIn], ['waitlisted', r.totals.waitlisted]] as const).map(([k, v]) => (
                  <li key={k}><strong>{formatNumber(v)}</strong>{t(`closeReport.${k}`)}</li>
                ))}
              </ul>
            </section>

            <section className="report-section" aria-labelledby="meetings">
              <h2 id="meetings">{t('closeReport.meetings')}</h2>
              {r.truncated && <p>{t('closeReport.truncated')}</p>}
              <DataTable
                caption={t('closeReport.meetingsCaption')}
                rows={r.meetings}
                rowKey={(m) => m.eventId}
                columns={[
                  { key: 'title', header: t('closeReport.meeting'), isRowHeader: true, cell: (m) => (m.canManage ? <Link to={`/events/${m.eventId}/report`}>{m.title}</Link> : m.title) },
                  { key: 'when', header: t('closeReport.when'), cell: (m) => `${formatDateTime(m.startsAt)} · ${m.unitName}` },
                  { key: 'status', header: t('closeReport.status'), cell: status },
                  { key: 'going', header: t('closeReport.going'), cell: (m) => formatNumber(m.attendance.going) },
                  { key: 'checkedIn', header: t('closeReport.checkedIn'), cell: (m) => formatNumber(m.attendance.checkedIn) },
                  { key: 'issues', header: t('closeReport.issues'), cell: (m) => (m.issuesRecorded === null ? t('closeReport.notYours') : formatNumber(m.issuesRecorded)) },
                ]}
              />
            </section>

            <section className="report-section" aria-labelledby="issues">
              <h2 id="issues">{t('closeReport.issues')}</h2>
              <p className="muted">{t('closeReport.issuesFrom', { count: r.issues.fromMeetings })}</p>
              {r.issues.items.length === 0 ? <p>{t('closeReport.issuesNone')}</p> : (
                <ReportBars
                  title={t('closeReport.issuesChart')}
                  columns={[t('closeReport.issue'), t('closeReport.meetingsRaised'), t('closeReport.records'), t('closeReport.named'), t('closeReport.reported')]}
                  rows={r.issues.items.map((i) => ({
                    key: i.issue.id, label: i.issue.label, value: i.meetings,
                    cells: [formatNumber(i.meetings), formatNumber(i.records), formatNumber(i.namedPeople), formatNumber(i.reportedPeople)],
                  }))}
                />
              )}
            </section>

            <section className="report-section" aria-labelledby="polls">
              <h2 id="polls">{t('closeReport.polls')}</h2>
              {r.questions.map((q) => (
                <div key={q.id} className="card poll-question">
                  <h3>{q.prompt}</h3>
                  <ResultsView result={q} />
                  {q.byMeeting.length > 0 && (
                    <DataTable
                      caption={t('closeReport.byMeetingCaption', { prompt: q.prompt })}
                      rows={q.byMeeting}
                      rowKey={(b) => b.eventId}
                      columns={[
                        { key: 'meeting', header: t('closeReport.meeting'), isRowHeader: true, cell: (b) => titleOf.get(b.eventId) ?? b.eventId },
                        { key: 'responses', header: t('closeReport.responses'), cell: (b) => formatNumber(b.result.responses) },
                        ...(q.kind === 'scale'
                          ? q.scale.map((s, i) => ({ key: `s${s.value}`, header: String(s.value), cell: (b: typeof q.byMeeting[number]) => formatNumber(b.result.scale[i]?.count ?? 0) }))
                          : q.options.map((o, i) => ({ key: o.id, header: o.label, cell: (b: typeof q.byMeeting[number]) => formatNumber(q.kind === 'ranking' ? (b.result.options[i]?.firstChoices ?? 0) : (b.result.options[i]?.votes ?? 0)) }))),
                      ]}
                    />
                  )}
                </div>
              ))}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
