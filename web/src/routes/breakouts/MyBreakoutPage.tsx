import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs, formatDateTime, PageHeader, QueryState } from '../../components/index.ts';
import { useMeetingNotes, useMyGroups } from './api.ts';
import { GroupNotes } from './GroupNotes.tsx';
import { GroupThemes, useOpenTextQuestions } from './GroupThemes.tsx';
import './breakouts.css';

/** /events/:id/breakouts/mine: a facilitator's own group(s) as last published, names only, the console to record what each group raised, and themes of the group's open-text answers to confirm. */
export function MyBreakoutPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const mine = useMyGroups(id);
  const m = mine.data;
  const notes = useMeetingNotes(m ? id : undefined);
  const questions = useOpenTextQuestions(m ? id : undefined);
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.events'), to: '/events' }, { label: m?.eventTitle ?? t('breakouts.crumb') }]} />
      <QueryState isLoading={mine.isLoading} error={mine.error} retry={() => void mine.refetch()}>
        <PageHeader title={t('breakouts.mineTitle', { title: m?.eventTitle ?? '' })} lead={m ? t('breakouts.mineLead', { when: formatDateTime(m.publishedAt) }) : undefined} />
        {!m && <p>{t('breakouts.mineNone')}</p>}
        {m?.groups.map((g) => (
          <section key={g.id} className="card breakout-group" aria-labelledby={`g-${g.id}`}>
            <h2 id={`g-${g.id}`}>{g.name} <span className="muted">· {t('breakouts.members', { count: g.members.length })}</span></h2>
            <ul>{g.members.map((x) => <li key={x.rsvpId}>{x.name}</li>)}</ul>
            {notes.data && <GroupNotes eventId={m.eventId} group={notes.data.groups.find((n) => n.id === g.id) ?? { id: g.id, name: g.name, canRecord: true, issues: [], themes: [], quotes: [] }} members={g.members} />}
            <GroupThemes eventId={m.eventId} groupId={g.id} questions={questions} />
          </section>
        ))}
      </QueryState>
    </>
  );
}
