import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { formatNumber } from '../../components/format.ts';
import type { Dashboard } from './api.ts';

type Row = Dashboard['breakdown'][number];

/** People per unit as horizontal bars, with the same figures as a table one tab away. */
export function UnitBreakdown({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.people));
  const label = (r: Row) => (r.direct ? t('home.direct', { name: r.name }) : r.name);
  const key = (r: Row) => `${r.unitId}-${r.direct ? 'direct' : 'tree'}`;
  return (
    <Tabs className="breakdown">
      <TabList aria-label={t('home.breakdownView')} className="tab-list">
        <Tab id="chart" className="tab">{t('home.chart')}</Tab>
        <Tab id="table" className="tab">{t('home.table')}</Tab>
      </TabList>
      <TabPanel id="chart" className="tab-panel">
        {/* Bars carry their names and numbers as text, so the chart reads as a list too. */}
        <ul className="bar-chart">
          {rows.map((r) => (
            <li key={key(r)}>
              <span className="bar-chart__label">{label(r)}</span>
              <span className="bar-chart__track" aria-hidden="true"><span className="bar-chart__bar" style={{ width: `${(r.people / max) * 100}%` }} /></span>
              <span className="bar-chart__value">{t('units.peopleCount', { count: r.people, n: formatNumber(r.people) })}</span>
            </li>
          ))}
        </ul>
      </TabPanel>
      <TabPanel id="table" className="tab-panel">
        <DataTable
          caption={t('home.breakdown')}
          captionHidden
          rows={rows}
          rowKey={key}
          columns={[
            { key: 'unit', header: t('home.unit'), isRowHeader: true, cell: (r) => <Link to={`/units/${r.unitId}`}>{label(r)}</Link> },
            { key: 'people', header: t('home.people'), className: 'num', cell: (r) => formatNumber(r.people) },
            { key: 'added', header: t('home.added'), className: 'num', cell: (r) => formatNumber(r.addedLast30Days) },
          ]}
        />
      </TabPanel>
    </Tabs>
  );
}
