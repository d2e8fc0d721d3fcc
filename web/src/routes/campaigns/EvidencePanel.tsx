import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { DataTable, formatNumber, QueryState } from '../../components/index.ts';
import { campaignKeys, dayLabel, type Count, type Evidence } from './api.ts';

/** How many people raised the campaign's issue where it runs: counts only, small ones withheld as in salience. */
export function EvidencePanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const evidence = useQuery({ queryKey: campaignKeys.evidence(campaignId), queryFn: () => api<Evidence>(`/campaigns/${campaignId}/evidence`) });
  const e = evidence.data;
  const shown = (c: Count, n: number | null) => (c.suppressed ? t('campaigns.detail.withheld', { threshold: e?.threshold ?? 5 }) : formatNumber(n ?? 0));
  const to = e ? new Date(Date.parse(`${e.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : '';
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.detail.evidenceTitle')}</h2>
      <QueryState isLoading={evidence.isLoading} error={evidence.error} retry={() => void evidence.refetch()}>
        {e && !e.issue && <p>{t('campaigns.detail.evidenceNoIssue')}</p>}
        {e && e.issue && !e.available && <p>{t('campaigns.detail.evidenceHidden')}</p>}
        {e && e.issue && e.available && (
          <>
            <p>{t('campaigns.detail.evidenceLead', { issue: e.issue.label, from: dayLabel(e.from), to: dayLabel(to) })}</p>
            <DataTable
              caption={t('campaigns.detail.evidenceCaption')}
              rows={[...e.bySource.map((s) => ({ key: s.source, label: t(`campaigns.detail.sources.${s.source}`, { defaultValue: s.source }), c: s as Count })), { key: 'all', label: t('campaigns.detail.all'), c: e.total }]}
              rowKey={(r) => r.key}
              columns={[
                { key: 'source', header: t('campaigns.detail.source'), isRowHeader: true, cell: (r) => r.label },
                { key: 'people', header: t('campaigns.detail.evidencePeople'), className: 'num', cell: (r) => shown(r.c, r.c.people) },
                { key: 'records', header: t('campaigns.detail.evidenceRecords'), className: 'num', cell: (r) => shown(r.c, r.c.records) },
              ]}
            />
            <p className="muted">{e.suppression}</p>
          </>
        )}
      </QueryState>
    </section>
  );
}
