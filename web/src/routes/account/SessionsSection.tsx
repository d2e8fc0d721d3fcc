import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { sessionsKey, useMySessions, type SessionRow } from './api.ts';
import { describeDevice } from './describeDevice.ts';

/** My signed-in sessions: end any other one, or sign out everywhere. */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState('');
  const device = (s: SessionRow) => {
    const d = describeDevice(s.userAgent);
    return d ? t('account.sessions.deviceOn', d) : t('account.sessions.unknownDevice');
  };

  async function ended() {
    setMessage(t('account.sessions.ended'));
    await queryClient.invalidateQueries({ queryKey: sessionsKey });
    // The row and its button are gone; put focus somewhere that still exists.
    headingRef.current?.focus();
  }

  async function everywhere() {
    await api('/auth/sign-out-everywhere', { method: 'POST' });
    queryClient.clear();
    navigate('/sign-in');
  }

  return (
    <section aria-labelledby="sessions-heading" className="account-section">
      <h2 id="sessions-heading" ref={headingRef} tabIndex={-1}>{t('account.sessions.title')}</h2>
      <StatusMessage kind="ok">{message}</StatusMessage>
      <QueryState isLoading={sessions.isLoading} error={sessions.error} retry={() => void sessions.refetch()}>
        {sessions.data && (
          <DataTable
            caption={t('account.sessions.caption')}
            captionHidden
            rows={sessions.data}
            rowKey={(s) => s.id}
            columns={[
              { key: 'device', header: t('account.sessions.device'), isRowHeader: true, cell: (s) => <>{device(s)}{s.current && <> <span className="tag">{t('account.sessions.current')}</span></>}</> },
              { key: 'started', className: 'nowrap', header: t('account.sessions.started'), cell: (s) => formatDateTime(s.createdAt) },
              { key: 'seen', className: 'nowrap', header: t('account.sessions.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt) },
              {
                key: 'actions',
                header: t('account.sessions.actions'),
                cell: (s) => s.current ? null : (
                  <ConfirmDialog
                    triggerLabel={t('account.sessions.end')}
                    triggerAriaLabel={t('account.sessions.endLabel', { device: device(s), when: formatDateTime(s.lastSeenAt) })}
                    triggerClassName="button--secondary"
                    title={t('account.sessions.endTitle')}
                    confirmLabel={t('account.sessions.end')}
                    destructive
                    onConfirm={() => api(`/account/sessions/${s.id}`, { method: 'DELETE' })}
                    onDone={() => void ended()}
                  >
                    <p>{t('account.sessions.endBody', { device: device(s) })}</p>
                  </ConfirmDialog>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <div className="actions">
        <ConfirmDialog
          triggerLabel={t('account.sessions.everywhere')}
          triggerClassName="button--secondary"
          title={t('account.sessions.everywhereTitle')}
          confirmLabel={t('account.sessions.everywhere')}
          destructive
          onConfirm={everywhere}
        >
          <p>{t('account.sessions.everywhereBody')}</p>
        </ConfirmDialog>
      </div>
    </section>
  );
}
