import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { DataTable, QueryState, StatusMessage, formatDateTime, useCursorPager } from '../../components/index.ts';
import { eventKeys, useAttendees, type Attendee } from './api.ts';

/** The door list: name, contact, status and check-in, with check-in and undo when `checkIn` is on. */
export function AttendeeTable({ eventId, q, caption, checkIn }: { eventId: string; q: string; caption: string; checkIn?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => reset(), [q, reset]);
  const list = useAttendees(eventId, q, pager.cursor);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const act = async (a: Attendee, undo: boolean) => {
    setMessage(null);
    try {
      if (undo) await api(`/events/${eventId}/check-ins/${a.id}`, { method: 'DELETE' });
      else await api(`/events/${eventId}/check-ins`, { method: 'POST', body: { rsvpId: a.id } });
      setMessage({ kind: 'ok', text: undo ? t('events.checkIn.undone', { name: a.name }) : t('events.checkIn.done', { name: a.name }) });
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
    }
  };
  return (
    <>
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={caption}
          rows={list.data?.items ?? []}
          rowKey={(a) => a.id}
          empty={t('events.detail.attendeesEmpty')}
          columns={[
            { key: 'name', header: t('events.detail.name'), isRowHeader: true, cell: (a) => <Link to={`/people/${a.personId}`}>{a.name}</Link> },
            // At the door the button comes straight after the name, so it is on screen on a phone.
            ...(checkIn ? [{ key: 'act', header: t('events.detail.checkedIn'), cell: (a: Attendee) => (
              <span className="attendee-actions">
                {a.checkedInAt
                  ? <Button className="react-aria-Button button--secondary" aria-label={t('events.checkIn.undo', { name: a.name })} onPress={() => void act(a, true)}>{t('events.checkIn.undoShort')}</Button>
                  : <Button className="react-aria-Button" aria-label={t('events.checkIn.checkInPerson', { name: a.name })} onPress={() => void act(a, false)}>{t('events.checkIn.checkCode')}</Button>}
              </span>
            ) }] : []),
            { key: 'status', header: t('events.detail.status'), cell: (a) => (a.waitlistPosition ? t('events.detail.position', { position: a.waitlistPosition }) : `${t(`events.rsvpStatuses.${a.status}`)}${a.source === 'walk_in' ? ` (${t('events.sources.walk_in')})` : ''}`) },
            { key: 'in', header: checkIn ? t('events.checkIn.at') : t('events.detail.checkedIn'), cell: (a) => (a.checkedInAt ? formatDateTime(a.checkedInAt) : '') },
            { key: 'contact', header: t('events.detail.contact'), cell: (a) => [a.email, a.phone].filter(Boolean).join(' · ') },
          ]}
          pager={{
            hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
            onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
          }}
        />
      </QueryState>
    </>
  );
}
