import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { Breadcrumbs, DataTable, formatDateTime, PageHeader, QueryState, SelectField, StatusMessage, TextInput, useCursorPager } from '../../components/index.ts';
import { pollKeys, useProgramme, type Meeting, type Page, type ProgrammeDetail, type QuestionResult } from './api.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { ResultsView } from './ResultsView.tsx';
import './polls.css';

function QuestionBank({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="bank">
      <h2 id="bank">{t('polls.detail.bank')}</h2>
      {p.questions.length === 0 && <p>{t('polls.detail.bankEmpty')}</p>}
      <ol>
        {p.questions.map((q) => (
          <li key={q.id} className="poll-question">
            {editing === q.id ? <QuestionEditor programmeId={p.id} question={q} onDone={() => setEditing(null)} /> : (
              <>
                <strong>{q.prompt}</strong> <span className="muted">({t(`polls.kinds.${q.kind}`)}{q.kind === 'scale' ? ` ${q.scaleMin}–${q.scaleMax}` : ''})</span>
                {q.options.length > 0 && <ul>{q.options.map((o) => <li key={o.id}>{o.label}</li>)}</ul>}
                {q.answers > 0 && <p className="muted">{t('polls.detail.answers', { count: q.answers })}</p>}
                {p.canManage && <button type="button" className="button--secondary" onClick={() => setEditing(q.id)} aria-label={`${t('polls.detail.edit')}: ${q.prompt}`}>{t('polls.detail.edit')}</button>}
              </>
            )}
          </li>
        ))}
      </ol>
      {p.canManage && <QuestionEditor programmeId={p.id} />}
    </section>
  );
}

function AddMeeting({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [from] = useState(() => new Date(new Date().setHours(0, 0, 0, 0)).toISOString());
  const events = useQuery({
    queryKey: ['events', 'list', { unit: p.unitId, from, forProgramme: p.id }],
    queryFn: () => api<Page<{ id: string; title: string; startsAt: string; canManage: boolean }>>(`/events?${new URLSearchParams({ unit: p.unitId, from, limit: '100' })}`),
  });
  const [eventId, setEventId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const options = (events.data?.items ?? []).filter((e) => e.canManage).map((e) => ({ id: e.id, label: `${e.title} (${formatDateTime(e.startsAt)})` }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    try {
      // Questions are asked in bank order.
      const questionIds = p.questions.map((q) => q.id).filter((id) => chosen.includes(id));
      await api(`/programmes/${p.id}/meetings/${eventId}`, { method: 'PUT', body: { questionIds } });
      await queryClient.invalidateQueries({ queryKey: pollKeys.programme(p.id) });
      setError(null);
      setDone(true);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(Object.values(err.fieldErrors())[0] ?? err.message);
    }
  };
  if (p.questions.length === 0) return null;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="add-meeting">
      <h3 id="add-meeting">{t('polls.detail.addMeeting')}</h3>
      {error && <StatusMessage kind="error">{error}</StatusMessage>}
      {done && <StatusMessage kind="ok">{t('polls.detail.scheduled')}</StatusMessage>}
      <SelectField label={t('polls.detail.meeting')} options={options} value={eventId || null} onChange={(v) => setEventId(v ?? '')} isRequired />
      <fieldset>
        <legend>{t('polls.detail.scheduleLegend')}</legend>
        <ul className="schedule-list">
          {p.questions.map((q) => (
            <li key={q.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(q.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, q.id] : chosen.filter((x) => x !== q.id))} />
                {q.prompt}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit">{t('polls.detail.schedule')}</button>
    </form>
  );
}

function Meetings({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const list = useQuery({
    queryKey: [...pollKeys.meetings(p.id, pager.cursor), p.meetingCount],
    queryFn: () => api<Page<Meeting>>(`/programmes/${p.id}/meetings?${new URLSearchParams({ limit: '25', ...(pager.cursor ? { cursor: pager.cursor } : {}) })}`),
  });
  return (
    <section aria-labelledby="meetings">
      <h2 id="meetings">{t('polls.detail.meetings')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('polls.detail.meetingsCaption')}
          rows={list.data?.items ?? []}
          rowKey={(m) => m.eventId}
          empty={t('polls.detail.meetingsEmpty')}
          columns={[
            { key: 'title', header: t('polls.detail.meeting'), isRowHeader: true, cell: (m) => <Link to={`/events/${m.eventId}`}>{m.title}</Link> },
            { key: 'when', header: t('polls.detail.when'), cell: (m) => `${formatDateTime(m.startsAt)} · ${m.unitName}` },
            { key: 'asks', header: t('polls.detail.asks'), cell: (m) => t('polls.detail.asksCount', { count: m.questionIds.length }) },
            { key: 'poll', header: t('polls.detail.poll'), cell: (m) => (
              <>
                {m.session ? (m.session.status === 'open' ? t('polls.detail.pollOpen', { code: m.session.joinCode }) : t('polls.detail.pollClosed')) : t('polls.detail.pollNone')}
                {' · '}<Link to={`/polls/${m.eventId}`} aria-label={`${t('polls.detail.console')}: ${m.title}`}>{t('polls.detail.console')}</Link>
              </>
            ) },
          ]}
          pager={{
            hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
            onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
          }}
        />
      </QueryState>
      {p.canManage && <AddMeeting p={p} />}
    </section>
  );
}

function Results({ p }: { p: ProgrammeDetail }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ unit: '', area: '', event: '' });
  const [filter, setFilter] = useState({ unit: '', area: '', event: '' });
  const results = useQuery({
    queryKey: [...pollKeys.results(p.id, filter), p.questions.length],
    queryFn: () => api<{ meetings: number; questions: QuestionResult[] }>(`/programmes/${p.id}/results?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]))}`),
  });
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('polls.detail.results')}</h2>
      <form className="filter-row" onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
        <TextInput label={t('polls.detail.filterUnit')} value={draft.unit} onChange={(unit) => setDraft({ ...draft, unit })} autoComplete="off" />
        <TextInput label={t('polls.detail.filterArea')} value={draft.area} onChange={(area) => setDraft({ ...draft, area })} autoComplete="off" />
        <TextInput label={t('polls.detail.filterEvent')} value={draft.event} onChange={(event) => setDraft({ ...draft, event })} autoComplete="off" />
        <button type="submit">{t('polls.detail.apply')}</button>
      </form>
      <QueryState isLoading={results.isLoading} error={results.error} retry={() => void results.refetch()}>
        {results.data && (
          <>
            <p>{t('polls.detail.meetingsCounted', { count: results.data.meetings })}</p>
            {results.data.questions.map((r) => (
              <div key={r.id} className="card poll-question">
                <h3>{r.prompt}</h3>
                <ResultsView result={r} />
              </div>
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** /programmes/:id: the question bank and its editor, the meetings and their polls, and the results across them. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const programme = useProgramme(id);
  const p = programme.data;
  return (
    <>
      <Breadcrumbs items={[{ label: t('polls.list.title'), to: '/programmes' }, { label: p?.title ?? '…' }]} />
      <QueryState isLoading={programme.isLoading} error={programme.error} retry={() => void programme.refetch()}>
        {p && (
          <>
            <PageHeader title={p.title} lead={[p.unitName, p.description].filter(Boolean).join(' · ')} actions={<Link className="button button--secondary" to={`/programmes/${p.id}/report`}>{t('polls.detail.closeReport')}</Link>} />
            <QuestionBank p={p} />
            <Meetings p={p} />
            <Results p={p} />
          </>
        )}
      </QueryState>
    </>
  );
}
