import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable, PageHeader, QueryState, SelectField, useCursorPager } from '../../components/index.ts';
import { campaignKeys, campaignPhases, dayLabel, type CampaignSummary, type Page } from './api.ts';
import './campaigns.css';

/** /campaigns: the campaigns of my units, newest first, filtered by phase. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const pager = useCursorPager();
  const [phase, setPhase] = useState('');
  const query = { phase, cursor: pager.cursor };
  const list = useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: () => api<Page<CampaignSummary>>(`/campaigns?${new URLSearchParams({ limit: '25', ...(phase ? { phase } : {}), ...(pager.cursor ? { cursor: pager.cursor } : {}) })}`),
  });
  return (
    <>
      <PageHeader
        title={t('campaigns.list.title')}
        lead={t('campaigns.list.lead')}
        actions={(
          <>
            {hasPermission(session, 'campaigns.manage') && <Link className="button" to="/campaigns/new">{t('campaigns.list.new')}</Link>}
            <Link className="button button--secondary" to="/campaigns/wins">{t('campaigns.list.wins')}</Link>
          </>
        )}
      />
      <div className="campaign-filters">
        <SelectField
          label={t('campaigns.list.phaseFilter')}
          options={[{ id: 'all', label: t('campaigns.list.allPhases') }, ...campaignPhases.map((p) => ({ id: p, label: t(`campaigns.phases.${p}`) }))]}
          value={phase || 'all'}
          onChange={(v) => { setPhase(v === 'all' || !v ? '' : v); pager.reset(); }}
        />
      </div>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('campaigns.list.caption')}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          empty={t('campaigns.list.empty')}
          columns={[
            { key: 'title', header: t('campaigns.list.campaign'), isRowHeader: true, cell: (c) => <Link to={`/campaigns/${c.id}`}>{c.title}</Link> },
            { key: 'phase', header: t('campaigns.list.phase'), cell: (c) => t(`campaigns.phases.${c.phase}`) },
            { key: 'issue', header: t('campaigns.list.issue'), cell: (c) => c.issue?.label ?? <span className="muted">{t('campaigns.list.noIssue')}</span> },
            { key: 'unit', header: t('campaigns.list.unit'), cell: (c) => c.unitName },
            { key: 'deadline', header: t('campaigns.list.deadline'), cell: (c) => (c.deadline ? dayLabel(c.deadline) : '') },
            { key: 'wins', header: t('campaigns.list.winsCount'), className: 'num', cell: (c) => c.wins },
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
