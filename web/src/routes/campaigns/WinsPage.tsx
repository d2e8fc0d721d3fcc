import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { Breadcrumbs, DataTable, PageHeader, QueryState, SelectField, StatusMessage, useCursorPager } from '../../components/index.ts';
import { unitsWithPermission } from '../admin/unitsWithPermission.ts';
import { useUnits } from '../units/api.ts';
import { campaignKeys, dayLabel, type Page, type Win, type WinsPage as WinsPageInfo } from './api.ts';
import './campaigns.css';

function PublicSwitch({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const page = useQuery({ queryKey: campaignKeys.winsPage(unitId), queryFn: () => api<WinsPageInfo>(`/campaigns/wins-pages/${unitId}`) });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const p = page.data;
  const toggle = async () => {
    if (!p) return;
    setMessage(null);
    try {
      const next = await api<WinsPageInfo>(`/campaigns/wins-pages/${unitId}`, { method: 'PUT', body: { isPublic: !p.isPublic } });
      queryClient.setQueryData(campaignKeys.winsPage(unitId), next);
      setMessage({ kind: 'ok', text: next.isPublic ? t('campaigns.wins.nowPublic') : t('campaigns.wins.nowPrivate') });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
    }
  };
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.wins.publicTitle')}</h2>
      <QueryState isLoading={page.isLoading} error={page.error}>
        {p && (
          <>
            <p>{p.isPublic ? t('campaigns.wins.isPublic') : t('campaigns.wins.isPrivate')}</p>
            {p.isPublic && <p className="public-url"><a href={p.publicUrl}>{t('campaigns.wins.publicLink', { url: p.publicUrl })}</a></p>}
            <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
            {p.canManage && <Button className={`react-aria-Button${p.isPublic ? ' button--secondary' : ''}`} onPress={() => void toggle()}>{p.isPublic ? t('campaigns.wins.makePrivate') : t('campaigns.wins.makePublic')}</Button>}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** /campaigns/wins?unit=…: a unit's own wins, and whether its public wins page is on. */
export function WinsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const pager = useCursorPager();
  const choices = unitsWithPermission(units.data ?? [], session, 'campaigns.read');
  const unitId = params.get('unit') ?? '';
  useEffect(() => {
    if (!unitId && choices[0]) setParams({ unit: choices[0].id }, { replace: true });
  }, [unitId, choices, setParams]);
  const unitName = choices.find((u) => u.id === unitId)?.name ?? '';
  const list = useQuery({
    queryKey: campaignKeys.wins({ unit: unitId, below: false, cursor: pager.cursor }),
    queryFn: () => api<Page<Win>>(`/campaigns/wins?${new URLSearchParams({ unit: unitId, below: 'false', limit: '25', ...(pager.cursor ? { cursor: pager.cursor } : {}) })}`),
    enabled: !!unitId,
  });
  return (
    <>
      <Breadcrumbs items={[{ label: t('campaigns.list.title'), to: '/campaigns' }, { label: t('campaigns.wins.title') }]} />
      <PageHeader title={t('campaigns.wins.title')} lead={t('campaigns.wins.lead')} />
      <QueryState isLoading={units.isLoading} error={units.error}>
        <div className="campaign-filters">
          <SelectField label={t('campaigns.wins.unit')} options={choices.map((u) => ({ id: u.id, label: u.name }))} value={unitId || null} onChange={(x) => { if (x) { setParams({ unit: x }); pager.reset(); } }} />
        </div>
        {unitId && (
          <>
            <PublicSwitch key={unitId} unitId={unitId} />
            <QueryState isLoading={list.isLoading} error={list.error}>
              <DataTable
                caption={t('campaigns.wins.caption', { unit: unitName })}
                rows={list.data?.items ?? []}
                rowKey={(w) => w.id}
                empty={t('campaigns.wins.empty')}
                columns={[
                  { key: 'title', header: t('campaigns.wins.win'), isRowHeader: true, cell: (w) => <>{w.title}{w.description && <span className="muted campaign-meta">{w.description}</span>}</> },
                  { key: 'wonOn', header: t('campaigns.wins.wonOn'), cell: (w) => dayLabel(w.wonOn) },
                  { key: 'campaign', header: t('campaigns.wins.campaign'), cell: (w) => <Link to={`/campaigns/${w.campaignId}`}>{w.campaignTitle}</Link> },
                  { key: 'evidence', header: t('campaigns.wins.evidence'), cell: (w) => w.evidence },
                ]}
                pager={{
                  hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
                  onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
                }}
              />
            </QueryState>
          </>
        )}
      </QueryState>
    </>
  );
}
