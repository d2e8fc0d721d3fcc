import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { comparable, useBreakdown, useElections } from './api.ts';
import { AreaTable } from './AreaTable.tsx';
import { Attribution } from './Attribution.tsx';
import { ElectionPicker } from './ElectionPicker.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import { partyLabel } from './format.ts';
import { MapSection } from './MapSection.tsx';
import { PartyTable } from './PartyTable.tsx';
import { RegionalChart } from './RegionalChart.tsx';
import './elections.css';

/** /elections: shares, change, swing and seats for the UK, nations and regions, a chart of regional change and the hex map. */
export function ResultsPage() {
  const { t } = useTranslation();
  const elections = useElections();
  const [params, setParams] = useSearchParams();
  const list = elections.data?.items ?? [];
  const latestOld = [...list].reverse().find((e) => comparable(list, e.name).length > 0) ?? list.at(-1);
  const election = params.get('election') ?? latestOld?.name ?? '';
  const compare = params.has('compare') ? params.get('compare')! : comparable(list, election)[0]?.name ?? '';
  const current = list.find((e) => e.name === election);
  const party = params.get('party') ?? 'Lab';
  const set = (next: Record<string, string>) => setParams({ election, compare, party, ...next }, { replace: true });
  const nations = useBreakdown(election, 'nation', compare || undefined);
  const regions = useBreakdown(election, 'region', compare || undefined);

  return (
    <>
      <PageHeader title={t('elections.results.title')} lead={t('elections.results.lead')} />
      <ElectionsNav />
      <QueryState isLoading={elections.isLoading} error={elections.error}>
        {list.length === 0 ? <p className="notice">{t('elections.noElections')}</p> : current && (
          <>
            <div className="elections-controls">
              <ElectionPicker elections={list} election={election} compare={compare} onChange={(e, c) => set({ election: e, compare: c })} />
              <SelectField label={t('elections.party')} options={current.parties.map((p) => ({ id: p, label: partyLabel(t, p) }))} value={party} onChange={(v) => v && set({ party: v })} />
            </div>
            <QueryState isLoading={nations.isLoading || regions.isLoading} error={nations.error ?? regions.error}>
              {nations.data && regions.data && (
                <>
                  <section aria-labelledby="uk-heading">
                    <h2 id="uk-heading">{t('elections.results.uk', { election, compare })}</h2>
                    <PartyTable summary={nations.data.items[0]!} caption={t('elections.results.ukCaption', { election })} fileName={`parties-uk-${election}.csv`} />
                  </section>
                  <section aria-labelledby="nations-heading">
                    <h2 id="nations-heading">{t('elections.results.nations')}</h2>
                    <AreaTable items={nations.data.items} party={party} caption={t('elections.results.nationsCaption', { election, party: partyLabel(t, party) })} fileName={`nations-${election}-${party}.csv`} />
                  </section>
                  <section aria-labelledby="regions-heading">
                    <h2 id="regions-heading">{t('elections.results.regions')}</h2>
                    {compare && (
                      <RegionalChart
                        label={t('elections.chart.label', { party: partyLabel(t, party), from: compare, to: election })}
                        data={regions.data.items.flatMap((s) => {
                          const l = s.parties.find((p) => p.party === party);
                          return l?.changePts != null && l.sharePct ? [{ region: s.area.name, change: Math.round(l.changePts * 10) / 10 }] : [];
                        })}
                      />
                    )}
                    <AreaTable items={regions.data.items} party={party} caption={t('elections.results.regionsCaption', { election, party: partyLabel(t, party) })} fileName={`regions-${election}-${party}.csv`} />
                  </section>
                </>
              )}
            </QueryState>
            <section aria-labelledby="map-heading">
              <h2 id="map-heading">{t('elections.map.title')}</h2>
              <MapSection election={election} compare={compare} party={party} boundarySet={current.boundarySet} />
            </section>
          </>
        )}
      </QueryState>
      <Attribution />
    </>
  );
}
