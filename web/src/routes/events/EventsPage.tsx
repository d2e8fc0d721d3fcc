import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable, PageHeader, QueryState, useCursorPager } from '../../components/index.ts';
import { CalendarFeed } from './CalendarFeed.tsx';
import { eventKeys, whenLabel, type EventItem, type Page } from './api.ts';
import './events.css';

/** /events: what is coming up in my units, with the way to add an event and my calendar address. */
export function EventsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const pager = useCursorPager();
  const [past, setPast] = useState(false);
  // "Upcoming" from the start of today, so an event on now stays listed.
  const [from] = useState(() => new Date(new Date().setHours(0, 0, 0, 0)).toISOString());
  const query = { from: past ? undefined : from, cursor: pager.cursor };
  const list = useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => api<Page<EventItem>>(`/events?${new URLSearchParams({ limit: '25', ...(query.from ? { from: query.from } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) })}`),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('events.list.title')}
        lead={t('events.list.lead')}
        actions={hasPermission(session, 'events.manage') && <Link className="button" to="/events/new">{t('events.list.new')}</Link>}
      />
      <label className="checkbox-line">
        <input type="checkbox" checked={past} onChange={(e) => { setPast(e.target.checked); pager.reset(); }} />
        {t('events.list.showPast')}
      </label>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('events.list.caption')}
          rows={items}
          rowKey={(e) => e.id}
          empty={t('events.list.empty')}
          columns={[
            { key: 'title', header: t('events.list.event'), isRowHeader: true, cell: (e) => (
              <>
                <Link to={`/events/${e.id}`}>{e.title}</Link>
                <span className="muted event-meta">{t(`events.kinds.${e.kind}`)} · {t(`events.visibilityShort.${e.visibility}`)}{e.status === 'cancelled' ? ` · ${t('events.statuses.cancelled')}` : ''}</span>
              </>
            ) },
            { key: 'when', header: t('events.list.when'), cell: (e) => whenLabel(e) },
            { key: 'unit', header: t('events.list.unit'), cell: (e) => e.unit.name },
            { key: 'places', header: t('events.list.places'), cell: (e) => (e.capacity === null ? t('events.list.placesOpen', { going: e.counts.going }) : t('events.list.placesOf', { going: e.counts.going, capacity: e.capacity })) },
          ]}
          pager={{
            hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
            onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
          }}
        />
      </QueryState>
      <CalendarFeed />
    </>
  );
}
