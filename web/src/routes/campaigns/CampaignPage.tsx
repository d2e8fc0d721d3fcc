import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { Breadcrumbs, DataTable, PageHeader, QueryState } from '../../components/index.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import { StructureTestsPanel } from './StructureTestsPanel.tsx';
import { campaignKeys, dayLabel, useCampaign, type Campaign, type Page, type Win } from './api.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { PhasePanel } from './PhasePanel.tsx';
import { TeamPanel } from './TeamPanel.tsx';
import { WinForm } from './WinForm.tsx';
import './campaigns.css';

function CampaignWins({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const list = useQuery({ queryKey: campaignKeys.wins({ campaign: c.id }), queryFn: () => api<Page<Win>>(`/campaigns/wins?campaign=${c.id}&limit=50`) });
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.detail.winsTitle')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          caption={t('campaigns.detail.winsCaption')}
          captionHidden
          rows={list.data?.items ?? []}
          rowKey={(w) => w.id}
          empty={t('campaigns.detail.winsEmpty')}
          columns={[
            { key: 'title', header: t('campaigns.wins.win'), isRowHeader: true, cell: (w) => <>{w.title}{w.description && <span className="muted campaign-meta"> {w.description}</span>}</> },
            { key: 'wonOn', header: t('campaigns.wins.wonOn'), cell: (w) => dayLabel(w.wonOn) },
            { key: 'evidence', header: t('campaigns.wins.evidence'), cell: (w) => w.evidence },
          ]}
        />
      </QueryState>
      {c.canManage && (
        <details>
          <summary>{t('campaigns.detail.logWin')}</summary>
          <WinForm campaignId={c.id} />
        </details>
      )}
    </section>
  );
}

/** /campaigns/:id: the campaign, its place in the organising cycle, its evidence, team, actions and wins. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const c = campaign.data;
  const fact = (label: string, value: ReactNode) => <><dt>{label}</dt><dd>{value || <span className="muted">{t('campaigns.detail.none')}</span>}</dd></>;
  return (
    <>
      <Breadcrumbs items={[{ label: t('campaigns.list.title'), to: '/campaigns' }, { label: c?.title ?? '…' }]} />
      <QueryState isLoading={campaign.isLoading} error={campaign.error} retry={() => void campaign.refetch()}>
        {c && (
          <>
            <PageHeader
              title={c.title}
              lead={t(`campaigns.phases.${c.phase}`)}
              actions={(
                <>
                  <Link className="button" to={`/campaigns/${c.id}/power-map`}>{t('campaigns.detail.powerMap')}</Link>
                  {c.canManage && <Link className="button button--secondary" to={`/campaigns/${c.id}/edit`}>{t('campaigns.detail.edit')}</Link>}
                </>
              )}
            />
            {c.description && <p>{c.description}</p>}
            <dl className="facts">
              {fact(t('campaigns.detail.unit'), c.unitName)}
              {fact(t('campaigns.detail.issue'), c.issue?.label)}
              {fact(t('campaigns.detail.demand'), c.demand)}
              {fact(t('campaigns.detail.goal'), c.goal)}
              {fact(t('campaigns.detail.deadline'), c.deadline ? dayLabel(c.deadline) : '')}
              {fact(t('campaigns.detail.areas'), c.areas.length ? c.areas.map((a) => a.name).join(', ') : t('campaigns.detail.wholeUnit'))}
            </dl>
            <PhasePanel c={c} />
            <EvidencePanel campaignId={c.id} />
            <TeamPanel c={c} />
            <ActionsPanel c={c} />
            <StructureTestsPanel c={c} />
            <CampaignWins c={c} />
          </>
        )}
      </QueryState>
    </>
  );
}
