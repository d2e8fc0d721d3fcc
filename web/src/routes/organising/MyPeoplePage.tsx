import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useGraph, useMyPeople, type MyPerson } from '../../api/organising.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useCursorPager } from '../../components/useCursorPager.ts';
import { OrganisingNav } from './OrganisingNav.tsx';
import { RelationshipGraph } from './RelationshipGraph.tsx';
import { RelationshipTable } from './RelationshipTable.tsx';
import './organising.css';

const DAY_CHOICES = ['14', '30', '60', '90', '180'];

/** /organising/my-people: the people I organise with, who has gone quiet, and how they are connected. */
export function MyPeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('quiet') ?? '';
  const days = DAY_CHOICES.includes(raw) ? Number(raw) : undefined;
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => { reset(); }, [days, reset]);
  const list = useMyPeople(days, pager.cursor);
  const graph = useGraph(undefined, 1);

  const columns: Column<MyPerson>[] = [
    { key: 'name', header: t('organising.myPeople.name'), isRowHeader: true, cell: (m) => <Link to={`/people/${m.person.id}`}>{[m.person.firstName, m.person.lastName].filter(Boolean).join(' ')}</Link> },
    { key: 'level', header: t('organising.myPeople.level'), cell: (m) => m.level?.label ?? t('organising.ladder.noLevel') },
    { key: 'last', header: t('organising.myPeople.lastSpoken'), className: 'nowrap', cell: (m) => (m.lastSpokenAt ? formatDate(m.lastSpokenAt) : t('organising.myPeople.never')) },
    { key: 'open', header: t('organising.myPeople.open'), className: 'num', cell: (m) => m.openCommitments },
    { key: 'awaiting', header: t('organising.myPeople.awaiting'), className: 'num', cell: (m) => m.awaitingAnswers },
    { key: 'why', header: t('organising.myPeople.why'), cell: (m) => m.sources.map((s) => t(`organising.myPeople.sources.${s}`)).join(', ') },
  ];

  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.myPeople.title')} lead={t('organising.myPeople.lead')} />
      <div className="filters">
        <SelectField
          label={t('organising.myPeople.quiet')}
          options={[{ id: 'any', label: t('organising.myPeople.anyTime') }, ...DAY_CHOICES.map((d) => ({ id: d, label: t('organising.myPeople.days', { count: Number(d) }) }))]}
          value={days ? String(days) : 'any'}
          onChange={(v) => setParams(v && v !== 'any' ? { quiet: v } : {}, { replace: true })}
        />
      </div>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={days ? t('organising.myPeople.captionQuiet', { count: days }) : t('organising.myPeople.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(m) => m.person.id}
          empty={<p>{days ? t('organising.myPeople.emptyQuiet') : t('organising.myPeople.empty')}</p>}
          pager={{ hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor), page: pager.page, isLoading: list.isFetching }}
        />
      </QueryState>
      <section aria-labelledby="my-graph-heading">
        <h2 id="my-graph-heading">{t('organising.myPeople.graphTitle')}</h2>
        <QueryState isLoading={graph.isLoading} error={graph.error}>
          {graph.data && (graph.data.edges.length === 0 ? <p className="muted">{t('organising.graph.empty')}</p> : (
            <>
              <RelationshipGraph graph={graph.data} label={t('organising.myPeople.graphLabel')} />
              <RelationshipTable graph={graph.data} caption={t('organising.myPeople.graphCaption')} />
            </>
          ))}
        </QueryState>
      </section>
    </>
  );
}
