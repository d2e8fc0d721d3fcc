import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { StatusMessage } from '../../components/index.ts';
import { eventKeys } from './api.ts';

/** My private calendar address: made, remade (the old one stops) or stopped. The address is shown once. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: eventKeys.feed, queryFn: () => api<{ active: boolean }>('/calendar/feed') });
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setMessage(null);
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: eventKeys.feed });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
    }
  };
  const make = () => run(async () => setUrl((await api<{ url: string }>('/calendar/feed', { method: 'POST' })).url));
  const stop = () => run(async () => {
    await api('/calendar/feed', { method: 'DELETE' });
    setUrl(null);
    setMessage({ kind: 'ok', text: t('events.feed.stopped') });
  });
  const active = state.data?.active;
  return (
    <section className="event-section" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('events.feed.title')}</h2>
      <p>{t('events.feed.lead')}</p>
      <p className="muted">{active ? t('events.feed.active') : t('events.feed.none')}</p>
      {url && (
        <div className="notice notice--ok">
          <p>{t('events.feed.made')}</p>
          <p><code className="feed-url">{url}</code></p>
        </div>
      )}
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      <div className="actions">
        <Button className="react-aria-Button button--secondary" onPress={make}>{active ? t('events.feed.remake') : t('events.feed.make')}</Button>
        {active && <Button className="react-aria-Button button--secondary" onPress={stop}>{t('events.feed.stop')}</Button>}
      </div>
    </section>
  );
}
