import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useHexMap, type Hex } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { partyLabel, pct, signed } from './format.ts';
import { HexMap } from './HexMap.tsx';
import { legendFor, targetStatus, type ColourBy } from './mapColours.ts';

/** The constituency hex map with its colouring controls, a legend, and the same figures as a table. */
export function MapSection({ election, compare, party, boundarySet }: { election: string; compare: string; party: string; boundarySet: string }) {
  const { t } = useTranslation();
  const [colourBy, setColourBy] = useState<ColourBy>('winner');
  const hasMap = boundarySet === '2010';
  const map = useHexMap(election, party, compare || undefined, hasMap);
  if (!hasMap) return <p className="notice">{t('elections.map.none', { set: boundarySet })}</p>;
  const name = partyLabel(t, party);
  const status = (h: Hex) => t(`elections.map.status.${targetStatus(h, party)}`, { marginal: 10, swing: 5 });
  const describe = (h: Hex) => t('elections.map.hexLabel', {
    name: h.name, region: h.regionName, winner: partyLabel(t, h.winner), majority: pct(h.majorityPct), party: name, share: pct(h.sharePct),
    change: signed(h.changePts), status: status(h),
  });
  const legendText = (key: string, v?: Record<string, unknown>) => {
    if (key === 'party') return partyLabel(t, String(v?.party));
    return key.startsWith('status.') ? t(`elections.map.${key}`, v) : t(`elections.map.legend.${key}`, v);
  };
  return (
    <QueryState isLoading={map.isLoading} error={map.error}>
      {map.data && (
        <>
          <SelectField
            label={t('elections.map.colourBy')}
            options={(['winner', 'share', 'change', 'target'] as const).map((k) => ({ id: k, label: t(`elections.map.by.${k}`, { party: name }) }))}
            value={colourBy}
            onChange={(v) => v && setColourBy(v as ColourBy)}
          />
          <Tabs className="elections-tabs">
            <TabList aria-label={t('elections.map.view')} className="elections-tabs__list">
              <Tab id="map" className="elections-tabs__tab">{t('elections.map.mapTab')}</Tab>
              <Tab id="table" className="elections-tabs__tab">{t('elections.map.tableTab')}</Tab>
            </TabList>
            <TabPanel id="map" className="elections-tabs__panel">
              <ul className="elections-legend" aria-label={t('elections.map.legendLabel')}>
                {legendFor(colourBy, [...new Set(map.data.hexes.map((h) => h.winner))].sort(), legendText).map((l) => (
                  <li key={l.key}><span className="elections-legend__swatch" style={{ background: l.colour }} aria-hidden="true" />{l.label}</li>
                ))}
              </ul>
              <HexMap hexes={map.data.hexes} colourBy={colourBy} party={party} describe={describe} label={t('elections.map.label', { election, by: t(`elections.map.by.${colourBy}`, { party: name }) })} />
            </TabPanel>
            <TabPanel id="table" className="elections-tabs__panel">
              <DataTable
                caption={t('elections.map.tableCaption', { election })}
                rows={map.data.hexes}
                rowKey={(h) => h.code}
                columns={[
                  { key: 'name', header: t('elections.seat'), cell: (h) => h.name, isRowHeader: true },
                  { key: 'region', header: t('elections.region'), cell: (h) => h.regionName },
                  { key: 'winner', header: t('elections.winner'), cell: (h) => partyLabel(t, h.winner) },
                  { key: 'majority', header: t('elections.majorityPct'), cell: (h) => pct(h.majorityPct), className: 'num' },
                  { key: 'share', header: t('elections.partyShare', { party: name }), cell: (h) => pct(h.sharePct), className: 'num' },
                  { key: 'change', header: t('elections.partyChange', { party: name }), cell: (h) => signed(h.changePts), className: 'num' },
                  { key: 'swing', header: t('elections.swingNeeded', { party: name }), cell: (h) => pct(h.swingNeededPts), className: 'num' },
                  { key: 'status', header: t('elections.status'), cell: status },
                ]}
              />
              <div className="actions">
                <CsvButton
                  what={t('elections.map.tableCaption', { election })}
                  fileName={`seats-${election}-${party}.csv`}
                  rows={() => [
                    ['code', 'name', 'region', 'winner', 'majority_pct', 'party', 'share_pct', 'change_pts', 'swing_needed_pts', 'status'],
                    ...map.data!.hexes.map((h) => [h.code, h.name, h.regionName, h.winner, h.majorityPct, party, h.sharePct, h.changePts, h.swingNeededPts, targetStatus(h, party)]),
                  ]}
                />
              </div>
            </TabPanel>
          </Tabs>
        </>
      )}
    </QueryState>
  );
}
