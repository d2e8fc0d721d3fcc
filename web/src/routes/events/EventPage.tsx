import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { Breadcrumbs, ConfirmDialog, PageHeader, QueryState, StatusMessage, TextInput, useDebouncedValue } from '../../components/index.ts';
import { useMyGroups } from '../breakouts/api.ts';
import { AttendeeTable } from './AttendeeTable.tsx';
import { eventKeys, useEvent, whenLabel, type EventItem } from './api.ts';
import './events.css';

/** For someone who does not run the meeting: a link to the breakout group they facilitate, once one is published. */
function MyBreakoutLink({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const mine = useMyGroups(eventId);
  return mine.data ? <Link className="button" to={`/events/${eventId}/breakouts/mine`}>{t('events.detail.myBreakout')}</Link> : null;
}

function Actions({ e }: { e: EventItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [newStart, setNewStart] = useState('');
  if (!e.canManage) return <MyBreakoutLink eventId={e.id} />;
  return (
    <>
      {e.status === 'scheduled' && <Link className="button" to={`/events/${e.id}/check-in`}>{t('events.detail.checkIn')}</Link>}
      {e.status === 'scheduled' && <Link className="button button--secondary" to={`/events/${e.id}/breakouts`}>{t('events.detail.breakouts')}</Link>}
      {e.status === 'scheduled' && <Link className="button button--secondary" to={`/events/${e.id}/edit`}>{t('events.detail.edit')}</Link>}
      <Link className="button button--secondary" to={`/events/${e.id}/report`}>{t('events.detail.closeReport')}</Link>
      <ConfirmDialog
        triggerLabel={t('events.detail.duplicate')}
        triggerClassName="button--secondary"
        title={t('events.detail.duplicateTitle', { title: e.title })}
        confirmLabel={t('events.detail.duplicateConfirm')}
        onConfirm={async () => {
          const copy = await api<EventItem>(`/events/${e.id}/duplicate`, { method: 'POST', body: { startsAt: newStart } });
          await queryClient.invalidateQueries({ queryKey: eventKeys.all });
          navigate(`/events/${copy.id}`);
        }}
      >
        <p>{t('events.detail.duplicateBody')}</p>
        <div className="field">
          <label htmlFor="duplicate-start">{t('events.detail.duplicateStart')}</label>
          <input id="duplicate-start" type="datetime-local" value={newStart} onChange={(x) => setNewStart(x.target.value)} />
        </div>
      </ConfirmDialog>
      {e.status === 'scheduled' && (
        <ConfirmDialog
          triggerLabel={t('events.detail.cancel')}
          triggerClassName="button--secondary"
          title={t('events.detail.cancelTitle', { title: e.title })}
          confirmLabel={t('events.detail.cancelConfirm')}
          destructive
          onConfirm={async () => {
            await api(`/events/${e.id}/cancel`, { method: 'POST', body: { reason } });
            await queryClient.invalidateQueries({ queryKey: eventKeys.all });
          }}
        >
          <p>{t('events.detail.cancelBody')}</p>
          <TextInput label={t('events.detail.cancelReason')} value={reason} onChange={setReason} autoComplete="off" />
        </ConfirmDialog>
      )}
    </>
  );
}

/** /events/:id: the event, what organisers can do with it, and who is coming. */
export function EventPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const event = useEvent(id);
  const e = event.data;
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q, 300);
  const fact = (label: string, value: React.ReactNode) => (value ? <><dt>{label}</dt><dd>{value}</dd></> : null);
  return (
    <>
      <Breadcrumbs items={[{ label: t('events.list.title'), to: '/events' }, { label: e?.title ?? '…' }]} />
      <QueryState isLoading={event.isLoading} error={event.error} retry={() => void event.refetch()}>
        {e && (
          <>
            <PageHeader title={e.title} lead={`${t(`events.kinds.${e.kind}`)} · ${whenLabel(e)}`} actions={<Actions e={e} />} />
            {e.status === 'cancelled' && <StatusMessage kind="error">{e.cancelReason ? t('events.detail.cancelledBecause', { reason: e.cancelReason }) : t('events.detail.cancelled')}</StatusMessage>}
            {e.description && <p className="event-description">{e.description}</p>}
            <dl className="facts">
              {fact(t('events.detail.when'), whenLabel(e))}
              {fact(t('events.detail.where'), e.mode !== 'online' ? [e.address, e.postcode].filter(Boolean).join(', ') : null)}
              {fact(t('events.detail.online'), e.onlineUrl ? <a href={e.onlineUrl}>{e.onlineUrl}</a> : null)}
              {fact(t('events.detail.access'), e.accessibilityNotes)}
              {fact(t('events.detail.unit'), e.unit.name)}
              {fact(t('events.detail.hosts'), e.hosts.map((h) => h.displayName).join(', '))}
              {fact(t('events.detail.visibility'), t(`events.visibilities.${e.visibility}`))}
              {fact(t('events.detail.places'), e.capacity === null ? t('events.list.placesOpen', { going: e.counts.going }) : t('events.list.placesOf', { going: e.counts.going, capacity: e.capacity }))}
              {fact(t('events.detail.publicPage'), e.publicUrl ? <a href={e.publicUrl}>{e.publicUrl}</a> : null)}
              {e.seriesPosition !== null && fact(t('events.form.repeat'), t('events.detail.series', { position: e.seriesPosition }))}
            </dl>
            <p><a href={`/api/events/${e.id}/calendar.ics`} download={`event-${e.id}.ics`}>{t('events.detail.calendar')}</a></p>
            {e.canManage && (
              <section className="event-section" aria-labelledby="attendees-heading">
                <h2 id="attendees-heading">{t('events.detail.attendees')}</h2>
                <p>{t('events.detail.counts', e.counts)}</p>
                <TextInput label={t('events.checkIn.search')} value={q} onChange={setQ} type="search" autoComplete="off" />
                <AttendeeTable eventId={e.id} q={search} caption={t('events.detail.attendeesCaption')} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
