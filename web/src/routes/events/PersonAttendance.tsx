import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { DataTable, QueryState, useCursorPager } from '../../components/index.ts';
import { eventKeys, startLabel, type Attendance, type Page } from './api.ts';

/** On a person's page: the events they signed up to and whether they came (events I may see). */
export function PersonAttendance({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const list = useQuery({
    queryKey: eventKeys.person(personId, pager.cursor),
    queryFn: () => api<Page<Attendance>>(`/people/${personId}/attendance?${new URLSearchParams({ limit: '10', ...(pager.cursor ? { cursor: pager.cursor } : {}) })}`),
  });
  return (
    <section className="person-section" aria-labelledby="person-events-heading">
      <h2 id="person-events-heading">{t('events.person.title')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('events.person.caption')}
          captionHidden
          rows={list.data?.items ?? []}
          rowKey={(a) => a.rsvpId}
          empty={t('events.person.empty')}
          columns={[
            { key: 'event', header: t('events.person.event'), isRowHeader: true, cell: (a) => <Link to={`/events/${a.event.id}`}>{a.event.title}</Link> },
            { key: 'when', header: t('events.person.when'), cell: (a) => startLabel(a.event.startsAt, a.event.timeZone) },
            { key: 'status', header: t('events.person.status'), cell: (a) => t(`events.rsvpStatuses.${a.status}`) },
            { key: 'attended', header: t('events.person.attended'), cell: (a) => (a.checkedInAt ? t('events.person.yes') : t('events.person.no')) },
          ]}
          pager={{
            hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
            onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
          }}
        />
      </QueryState>
    </section>
  );
}
