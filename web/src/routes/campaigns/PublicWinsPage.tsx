import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { PageHeader, QueryState } from '../../components/index.ts';
import { dayLabel, type PublicWins } from './api.ts';
import './campaigns.css';

/** /wins/:unitId: what a unit has won, for anyone, once the unit has made it public. No people on it. */
export function PublicWinsPage() {
  const { t } = useTranslation();
  const { unitId } = useParams();
  const wins = useInfiniteQuery({
    queryKey: ['public-wins', unitId],
    queryFn: ({ pageParam }) => api<PublicWins>(`/public/wins/${unitId}?${new URLSearchParams({ limit: '25', ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2,
  });
  const notPublic = wins.error instanceof ApiError && wins.error.status === 404;
  const first = wins.data?.pages[0];
  const items = wins.data?.pages.flatMap((p) => p.items) ?? [];
  if (notPublic) return <PageHeader title={t('campaigns.public.notFound')} />;
  return (
    <QueryState isLoading={wins.isLoading} error={wins.error}>
      {first && (
        <>
          <PageHeader title={t('campaigns.public.title', { unit: first.unitName })} lead={t('campaigns.public.lead')} />
          {items.length === 0 ? <p className="empty-state">{t('campaigns.public.empty')}</p> : (
            <ul className="wins-list" aria-label={t('campaigns.public.caption')}>
              {items.map((w, i) => (
                <li key={`${w.wonOn}-${i}`}>
                  <h2>{w.title}</h2>
                  <p className="muted"><time dateTime={w.wonOn}>{dayLabel(w.wonOn)}</time> · {t('campaigns.public.campaign', { title: w.campaignTitle })}</p>
                  {w.description && <p>{w.description}</p>}
                </li>
              ))}
            </ul>
          )}
          {wins.hasNextPage && <button type="button" className="button--secondary" onClick={() => void wins.fetchNextPage()} disabled={wins.isFetchingNextPage}>{t('campaigns.public.more')}</button>}
        </>
      )}
    </QueryState>
  );
}
