import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSalience, type CountCell, type Salience } from '../../api/organising.ts';
import { useUnits } from '../../api/people.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { DateField } from '../conversations/log/DateField.tsx';
import { AreaComboBox } from '../people/AreaComboBox.tsx';
import { BarChart } from './BarChart.tsx';
import { OrganisingNav } from './OrganisingNav.tsx';
import { WeeklyTrend } from './WeeklyTrend.tsx';
import './organising.css';

/** The last day counted, from the API's exclusive "to". */
const lastDay = (to: string) => { const d = new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() - 1); return d.toISOString().slice(0, 10); };
const nextDay = (date: string) => { const d = new Date(`${date}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); };

/** /organising/issues: issues ranked by distinct people raising them, the weekly trend and wards, for a unit or area and period. */
export function SaliencePage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const salience = useSalience({ unit: get('unit'), area: get('area'), from: get('from'), to: get('to') ? nextDay(get('to')!) : undefined, issue: get('issue') });
  const [period, setPeriod] = useState({ from: get('from') ?? '', to: get('to') ?? '' });
  const d = salience.data;
  useEffect(() => { if (d && !period.from) setPeriod({ from: d.from, to: lastDay(d.to) }); }, [d, period.from]);
  const set = (patch: Record<string, string | undefined>) => { const n = new URLSearchParams(params); for (const [k, v] of Object.entries(patch)) { if (v) n.set(k, v); else n.delete(k); } setParams(n, { replace: true }); };

  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.salience.title')} lead={t('organising.salience.lead')} />
      {session && !hasPermission(session, 'salience.read') ? <p>{t('organising.notAllowed')}</p> : (
        <>
          <div className="filters">
            <SelectField
              label={t('organising.unit')}
              options={[{ id: 'all', label: t('organising.allUnits') }, ...(units.data ?? []).map((u) => ({ id: u.id, label: `${'· '.repeat(Math.max(0, u.depth))}${u.name}` }))]}
              value={get('unit') ?? 'all'}
              onChange={(v) => set({ unit: v && v !== 'all' ? v : undefined })}
            />
            <AreaComboBox label={t('organising.area')} hint={t('organising.areaHint')} value={get('area')} onChange={(code) => set({ area: code })} />
            <DateField label={t('organising.salience.from')} value={period.from} onChange={(v) => setPeriod((p) => ({ ...p, from: v }))} />
            <DateField label={t('organising.salience.to')} value={period.to} onChange={(v) => setPeriod((p) => ({ ...p, to: v }))} />
            <div className="actions">
              <Button className="react-aria-Button button--secondary" onPress={() => set({ from: period.from || undefined, to: period.to || undefined })}>{t('conversations.list.apply')}</Button>
            </div>
          </div>
          <QueryState isLoading={salience.isLoading} error={salience.error} retry={() => void salience.refetch()}>
            {d && <SalienceView data={d} onIssue={(id) => set({ issue: id })} startFor={hasPermission(session, 'campaigns.manage') ? get('unit') ?? '' : null} />}
          </QueryState>
        </>
      )}
    </>
  );
}

function SalienceView({ data: d, onIssue, startFor }: { data: Salience; onIssue: (id: string) => void; startFor: string | null }) {
  const { t } = useTranslation();
  const show = (c: CountCell) => (c.people == null ? t('organising.salience.fewer', { threshold: d.threshold }) : formatNumber(c.people));
  const label = new Map(d.issues.map((i) => [i.issue.id, i.issue.label]));
  const chosen = d.byWard.issueId ?? d.issues[0]?.issue.id ?? null;
  const max = Math.max(1, ...d.trend.series.flatMap((s) => s.points.map((p) => p.people ?? 0)));
  if (d.issues.length === 0) return <p className="muted">{t('organising.salience.empty')}</p>;
  return (
    <>
      <p>{t('organising.salience.period', { from: formatDate(d.from), to: formatDate(lastDay(d.to)), people: show(d.totalPeople) })}</p>
      <p className="notice">{t('organising.salience.suppressed', { threshold: d.threshold })}</p>

      <h2>{t('organising.salience.ranked')}</h2>
      <BarChart title={t('organising.salience.rankedChart')} bars={d.issues.slice(0, 15).map((i) => ({ key: i.issue.id, label: i.issue.label, value: i.people ?? 0, text: show(i) }))} />
      <DataTable
        caption={t('organising.salience.rankedCaption')}
        columns={[
          { key: 'issue', header: t('organising.salience.issue'), isRowHeader: true, cell: (i) => i.issue.label },
          { key: 'category', header: t('organising.salience.category'), cell: (i) => i.issue.categoryLabel ?? '' },
          { key: 'people', header: t('organising.salience.people'), className: 'num', cell: (i) => show(i) },
          // Those who run campaigns can start one on an issue straight from the evidence for it.
          ...(startFor === null ? [] : [{
            key: 'campaign', header: t('organising.salience.campaign'), cell: (i: Salience['issues'][number]) => (
              <Link to={`/campaigns/new?${new URLSearchParams({ issue: i.issue.id, ...(startFor ? { unit: startFor } : {}) })}`} aria-label={t('organising.salience.startCampaignOn', { issue: i.issue.label })}>
                {t('organising.salience.startCampaign')}
              </Link>
            ),
          }]),
        ]}
        rows={d.issues}
        rowKey={(i) => i.issue.id}
      />
      {d.issuesTruncated && <p className="muted">{t('organising.salience.truncated')}</p>}

      <h2>{t('organising.salience.trend')}</h2>
      <SelectField label={t('organising.salience.wardIssue')} options={[{ id: 'top', label: t('organising.salience.topFive') }, ...d.issues.map((i) => ({ id: i.issue.id, label: i.issue.label }))]} value={d.trend.series.length === 1 ? d.trend.series[0]!.issueId : 'top'} onChange={(v) => onIssue(v && v !== 'top' ? v : '')} />
      <div className="small-multiples">
        {d.trend.series.map((s) => <WeeklyTrend key={s.issueId} title={label.get(s.issueId) ?? ''} points={s.points} max={max} />)}
      </div>
      <DataTable
        caption={t('organising.salience.trendCaption')}
        columns={[
          { key: 'week', header: t('organising.salience.week'), isRowHeader: true, className: 'nowrap', cell: (w: { week: string; i: number }) => formatDate(w.week) },
          ...d.trend.series.map((s) => ({ key: s.issueId, header: label.get(s.issueId) ?? '', className: 'num', cell: (w: { week: string; i: number }) => show(s.points[w.i]!) })),
        ]}
        rows={d.trend.weeks.map((week, i) => ({ week, i }))}
        rowKey={(w) => w.week}
      />

      <h2>{t('organising.salience.byWard')}</h2>
      <p className="muted">{t('organising.salience.noMap')}</p>
      <DataTable
        caption={t('organising.salience.byWardCaption', { issue: chosen ? label.get(chosen) ?? '' : '' })}
        columns={[
          { key: 'ward', header: t('organising.salience.ward'), isRowHeader: true, cell: (w) => `${w.wardName ?? w.wardCode} (${w.wardCode})` },
          { key: 'issue', header: t('organising.salience.raisingIssue', { issue: chosen ? label.get(chosen) ?? '' : '' }), className: 'num', cell: (w) => show(w.issue) },
          { key: 'total', header: t('organising.salience.anyIssue'), className: 'num', cell: (w) => show(w.total) },
          { key: 'top', header: t('organising.salience.topIssue'), cell: (w) => (w.topIssue ? `${label.get(w.topIssue.issueId) ?? ''} (${show(w.topIssue)})` : '—') },
        ]}
        rows={d.byWard.wards}
        rowKey={(w) => w.wardCode}
        empty={<p>{t('organising.salience.noWards')}</p>}
      />
      {d.byWard.wardsTruncated && <p className="muted">{t('organising.salience.wardsTruncated')}</p>}
    </>
  );
}
