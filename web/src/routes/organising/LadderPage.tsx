import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePipeline, type Pipeline } from '../../api/organising.ts';
import { useUnits } from '../../api/people.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { AreaComboBox } from '../people/AreaComboBox.tsx';
import { SegmentedField } from '../conversations/log/SegmentedField.tsx';
import { BarChart } from './BarChart.tsx';
import { LadderEditor } from './LadderEditor.tsx';
import { OrganisingNav } from './OrganisingNav.tsx';
import './organising.css';

type Period = 'last30' | 'last90';

/** /organising/ladder: people per level and who moved in the last 30 or 90 days, for a unit or area; the ladder's levels for admins. */
export function LadderPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const area = params.get('area') ?? undefined;
  const [period, setPeriod] = useState<Period>('last30');
  const pipeline = usePipeline(unit, area);
  const set = (k: string, v: string | undefined) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const rootIds = new Set((units.data ?? []).filter((u) => u.parentId === null).map((u) => u.id));
  const configures = (session?.grants ?? []).some((g) => g.permissions.includes('ladder.configure') && rootIds.has(g.unitId));
  const allowed = hasPermission(session, 'ladder.manage');

  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.ladder.title')} lead={t('organising.ladder.lead')} />
      {session && !allowed ? <p>{t('organising.notAllowed')}</p> : (
        <>
          <div className="filters">
            <SelectField
              label={t('organising.unit')}
              options={[{ id: 'all', label: t('organising.allUnits') }, ...(units.data ?? []).map((u) => ({ id: u.id, label: `${'· '.repeat(Math.max(0, u.depth))}${u.name}` }))]}
              value={unit ?? 'all'}
              onChange={(v) => set('unit', v && v !== 'all' ? v : undefined)}
            />
            <AreaComboBox label={t('organising.area')} hint={t('organising.areaHint')} value={area} onChange={(code) => set('area', code)} />
            <SegmentedField id="ladder-period" label={t('organising.ladder.period')} options={[{ id: 'last30', label: t('organising.ladder.days30') }, { id: 'last90', label: t('organising.ladder.days90') }]} value={period} onChange={(v) => setPeriod(v as Period)} />
          </div>
          <QueryState isLoading={pipeline.isLoading} error={pipeline.error} retry={() => void pipeline.refetch()}>
            {pipeline.data && <PipelineView data={pipeline.data} period={period} />}
          </QueryState>
          {configures && <LadderEditor />}
        </>
      )}
    </>
  );
}

function PipelineView({ data, period }: { data: Pipeline; period: Period }) {
  const { t } = useTranslation();
  const days = period === 'last30' ? 30 : 90;
  // Highest level first, as a ladder is read.
  const levels = [...data.levels].reverse();
  if (levels.length === 0) return <p className="muted">{t('organising.ladder.noLevels')}</p>;
  return (
    <>
      <div className="small-multiples">
        <BarChart title={t('organising.ladder.peopleChart')} bars={levels.map((l) => ({ key: l.level.id, label: l.level.label, value: l.people }))} />
        <BarChart title={t('organising.ladder.upChart', { days })} bars={levels.map((l) => ({ key: l.level.id, label: l.level.label, value: l[period].upIn, tone: 'up' }))} />
        <BarChart title={t('organising.ladder.downChart', { days })} bars={levels.map((l) => ({ key: l.level.id, label: l.level.label, value: l[period].downIn, tone: 'down' }))} />
      </div>
      <DataTable
        caption={t('organising.ladder.tableCaption', { days })}
        columns={[
          { key: 'level', header: t('organising.ladder.level'), isRowHeader: true, cell: (l) => l.level.label },
          { key: 'people', header: t('organising.ladder.people'), className: 'num', cell: (l) => l.people },
          { key: 'upIn', header: t('organising.ladder.upIn'), className: 'num', cell: (l) => l[period].upIn },
          { key: 'downIn', header: t('organising.ladder.downIn'), className: 'num', cell: (l) => l[period].downIn },
          { key: 'upOut', header: t('organising.ladder.upOut'), className: 'num', cell: (l) => l[period].upOut },
          { key: 'downOut', header: t('organising.ladder.downOut'), className: 'num', cell: (l) => l[period].downOut },
        ]}
        rows={levels}
        rowKey={(l) => l.level.id}
      />
      <p>{t('organising.ladder.offLadder', { joined: data.offLadder[period].joined, left: data.offLadder[period].left, days })}</p>
    </>
  );
}
