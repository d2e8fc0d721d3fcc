import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs, DataTable, PageHeader, QueryState } from '../../components/index.ts';
import { ActorPanel, stanceLabel } from './ActorPanel.tsx';
import { AddActorForm } from './AddActorForm.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { PowerGrid } from './PowerGrid.tsx';
import { useCampaign, usePowerMap } from './api.ts';
import './campaigns.css';

/** /campaigns/:id/power-map: the grid (keyboard-operable), the same actors as a table, the selected actor, links, and adding actors. */
export function PowerMapPage() {
  const { t } = useTranslation();
  const uid = useId();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const map = usePowerMap(id);
  const [selected, setSelected] = useState<string | null>(null);
  const m = map.data;
  const actor = m?.actors.find((a) => a.id === selected) ?? null;
  return (
    <>
      <Breadcrumbs items={[{ label: t('campaigns.list.title'), to: '/campaigns' }, { label: campaign.data?.title ?? '…', to: `/campaigns/${id}` }, { label: t('campaigns.detail.powerMap') }]} />
      <PageHeader title={t('campaigns.map.title', { title: campaign.data?.title ?? '…' })} lead={t('campaigns.map.lead')} />
      <QueryState isLoading={map.isLoading} error={map.error} retry={() => void map.refetch()}>
        {m && (
          <>
            {m.actors.length === 0 ? <p className="empty-state">{t('campaigns.map.empty')}</p> : (
              <section className="campaign-section" aria-labelledby={`${uid}-grid`}>
                <h2 id={`${uid}-grid`}>{t('campaigns.map.gridTitle')}</h2>
                <PowerGrid actors={m.actors} selectedId={selected} onSelect={setSelected} />
              </section>
            )}
            {actor && <ActorPanel key={actor.id} campaignId={m.campaignId} actor={actor} canManage={m.canManage} onRemoved={() => setSelected(null)} />}
            <DataTable
              caption={t('campaigns.map.tableCaption')}
              rows={m.actors}
              rowKey={(a) => a.id}
              empty={t('campaigns.map.empty')}
              columns={[
                { key: 'name', header: t('campaigns.map.actor'), isRowHeader: true, cell: (a) => a.name },
                { key: 'position', header: t('campaigns.map.position'), cell: (a) => a.position },
                { key: 'influence', header: t('campaigns.map.influence'), className: 'num', cell: (a) => a.influence },
                { key: 'stance', header: t('campaigns.map.stance'), cell: (a) => stanceLabel(t, a.stance) },
                { key: 'target', header: t('campaigns.map.target'), cell: (a) => (a.target ? t(`campaigns.map.targets.${a.target}`) : '') },
                { key: 'selfInterest', header: t('campaigns.map.selfInterest'), cell: (a) => a.selfInterest },
                { key: 'contacts', header: t('campaigns.map.contacts'), cell: (a) => a.contacts.map((c) => c.name).join(', ') },
              ]}
            />
            <LinksPanel map={m} />
            {m.canManage && (
              <section className="campaign-section" aria-labelledby={`${uid}-add`}>
                <h2 id={`${uid}-add`}>{t('campaigns.map.addTitle')}</h2>
                <AddActorForm campaignId={m.campaignId} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
