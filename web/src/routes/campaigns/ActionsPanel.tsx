import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { DataTable, QueryState } from '../../components/index.ts';
import { ActionForm } from './ActionForm.tsx';
import { actionKeys, dayLabel, type Campaign, type CampaignAction, type Page } from './api.ts';
import { TurnoutBar } from './TurnoutBar.tsx';

/** The campaign's actions (latest first) with turnout against the goal; organisers plan new ones. */
export function ActionsPanel({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const list = useQuery({ queryKey: actionKeys.list(c.id), queryFn: () => api<Page<CampaignAction>>(`/campaigns/${c.id}/actions?limit=50`) });
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.actions.title')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          caption={t('campaigns.actions.caption')}
          captionHidden
          rows={list.data?.items ?? []}
          rowKey={(a) => a.id}
          empty={t('campaigns.actions.empty')}
          columns={[
            {
              key: 'title', header: t('campaigns.actions.action'), isRowHeader: true,
              cell: (a) => <><Link to={`/campaigns/${c.id}/actions/${a.id}`}>{a.title}</Link>{a.target && <span className="muted campaign-meta">{a.target.name}</span>}</>,
            },
            { key: 'date', header: t('campaigns.actions.date'), cell: (a) => dayLabel(a.actionOn) },
            { key: 'status', header: t('campaigns.actions.status'), cell: (a) => <>{t(`campaigns.actions.statuses.${a.status}`)}{a.evaluated && <span className="muted campaign-meta">{t('campaigns.actions.evaluated')}</span>}</> },
            { key: 'turnout', header: t('campaigns.actions.turnout'), cell: (a) => <TurnoutBar a={a} /> },
          ]}
        />
      </QueryState>
      {c.canManage && (
        <details>
          <summary>{t('campaigns.actions.plan')}</summary>
          <ActionForm c={c} />
        </details>
      )}
    </section>
  );
}
