import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useBreakdown, useElections, useSeats } from './api.ts';
import { Attribution } from './Attribution.tsx';
import { ElectionPicker } from './ElectionPicker.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import { partyLabel } from './format.ts';
import { ScenarioTool } from './ScenarioTool.tsx';
import { SeatsTable } from './SeatsTable.tsx';
import './elections.css';

/** /elections/seats: seats in peril and targets, and the what-if scenario tool. */
export function SeatsPage() {
  const { t } = useTranslation();
  const elections = useElections();
  const [params, setParams] = useSearchParams();
  const list = elections.data?.items ?? [];
  const election = params.get('election') ?? list.at(-1)?.name ?? '';
  const current = list.find((e) => e.name === election);
  const heldBy = params.get('heldBy') ?? '';
  const challenger = params.get('challenger') ?? '';
  const maxMajorityPct = params.get('maxMajorityPct') ?? '10';
  const region = params.get('region') ?? '';
  const set = (next: Record<string, string>) => setParams(Object.fromEntries(Object.entries({ election, heldBy, challenger, maxMajorityPct, region, ...next }).filter(([, v]) => v !== '')), { replace: true });
  const validMax = maxMajorityPct === '' || (!Number.isNaN(Number(maxMajorityPct)) && Number(maxMajorityPct) >= 0 && Number(maxMajorityPct) <= 100);
  const seats = useSeats(election, { heldBy: heldBy || undefined, challenger: challenger || undefined, maxMajorityPct: validMax ? maxMajorityPct : undefined, region: region || undefined });
  const regions = useBreakdown(election, 'region');
  const parties = (current?.parties ?? []).map((p) => ({ id: p, label: partyLabel(t, p) }));
  const regionOptions = [{ id: 'all', label: t('elections.scenario.everywhere') }, ...(regions.data?.items ?? []).map((s) => ({ id: s.area.code!, label: s.area.name }))];

  return (
    <>
      <PageHeader title={t('elections.seatsPage.title')} lead={t('elections.seatsPage.lead')} />
      <ElectionsNav />
      <QueryState isLoading={elections.isLoading} error={elections.error}>
        {list.length === 0 ? <p className="notice">{t('elections.noElections')}</p> : current && (
          <>
            <ElectionPicker elections={list} election={election} compare="" allowCompare={false} onChange={(e) => set({ election: e, region: '' })} />
            <section aria-labelledby="peril-heading">
              <h2 id="peril-heading">{t('elections.seatsPage.perilTitle')}</h2>
              <div className="elections-controls">
                <SelectField label={t('elections.seatsPage.heldBy')} options={[{ id: 'any', label: t('elections.seatsPage.anyParty') }, ...parties]} value={heldBy || 'any'} onChange={(v) => set({ heldBy: v === 'any' || !v ? '' : v })} />
                <SelectField label={t('elections.seatsPage.challenger')} hint={t('elections.seatsPage.challengerHint')} options={[{ id: 'none', label: t('elections.seatsPage.runnerUp') }, ...parties]} value={challenger || 'none'} onChange={(v) => set({ challenger: v === 'none' || !v ? '' : v })} />
                <TextInput label={t('elections.seatsPage.maxMajority')} value={maxMajorityPct} onChange={(v) => set({ maxMajorityPct: v })} inputMode="decimal" error={validMax ? undefined : t('elections.seatsPage.maxInvalid')} />
                <SelectField label={t('elections.region')} options={regionOptions} value={region || 'all'} onChange={(v) => set({ region: v === 'all' || !v ? '' : v })} />
              </div>
              <QueryState isLoading={seats.isLoading} error={seats.error}>
                {seats.data && (
                  <SeatsTable
                    seats={seats.data.items}
                    challenger={challenger || undefined}
                    caption={t('elections.seatsPage.caption', { count: seats.data.total, election })}
                    fileName={`seats-${election}.csv`}
                  />
                )}
              </QueryState>
            </section>
            <section aria-labelledby="scenario-heading">
              <h2 id="scenario-heading">{t('elections.scenario.title')}</h2>
              <p>{t('elections.scenario.lead')}</p>
              <ScenarioTool election={current} regions={regions.data?.items ?? []} />
            </section>
          </>
        )}
      </QueryState>
      <Attribution />
    </>
  );
}
