import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fetchScenario, type Election, type Summary } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { partyLabel, pct } from './format.ts';
import { SaveTargetList } from './SaveTargetList.tsx';

/** "A 4-point swing from Lab to Con in Yorkshire and The Humber": the seats that fall, and saving them as targets. */
export function ScenarioTool({ election, regions }: { election: Election; regions: Summary[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('Lab');
  const [to, setTo] = useState('Con');
  const [swing, setSwing] = useState('4');
  const [area, setArea] = useState('all');
  const run = useMutation({ mutationFn: () => fetchScenario(election.name, { from, to, swing: Number(swing), region: area === 'all' ? undefined : area }) });
  const parties = election.parties.map((p) => ({ id: p, label: partyLabel(t, p) }));
  const swingError = swing.trim() === '' || Number.isNaN(Number(swing)) ? t('elections.scenario.swingInvalid') : undefined;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!swingError) run.mutate();
  }
  const r = run.data;
  const caption = r ? t('elections.scenario.caption', { swing: r.swing, from: partyLabel(t, r.from), to: partyLabel(t, r.to), area: r.area.name, count: r.changes.length, total: r.seatsInArea }) : '';
  return (
    <>
      <Form onSubmit={submit} className="elections-form" aria-labelledby="scenario-heading">
        <div className="elections-controls">
          <SelectField label={t('elections.scenario.from')} options={parties} value={from} onChange={(v) => v && setFrom(v)} />
          <SelectField label={t('elections.scenario.to')} options={parties} value={to} onChange={(v) => v && setTo(v)} />
          <TextInput label={t('elections.scenario.swing')} hint={t('elections.scenario.swingHint')} value={swing} onChange={setSwing} inputMode="decimal" error={run.isIdle ? undefined : swingError} />
          <SelectField label={t('elections.scenario.area')} options={[{ id: 'all', label: t('elections.scenario.everywhere') }, ...regions.map((s) => ({ id: s.area.code!, label: s.area.name }))]} value={area} onChange={(v) => v && setArea(v)} />
        </div>
        <div className="actions"><Button type="submit" isDisabled={run.isPending}>{t('elections.scenario.run')}</Button></div>
      </Form>
      {run.error && <p role="alert" className="notice notice--error">{run.error.message}</p>}
      <div role="status">{r && <p className="notice">{caption}</p>}</div>
      {r && (
        <>
          <DataTable
            caption={caption}
            captionHidden
            rows={r.changes}
            rowKey={(c) => c.code}
            empty={t('elections.scenario.noChange')}
            columns={[
              { key: 'name', header: t('elections.seat'), cell: (c) => c.name, isRowHeader: true },
              { key: 'region', header: t('elections.region'), cell: (c) => c.regionName },
              { key: 'before', header: t('elections.scenario.before'), cell: (c) => partyLabel(t, c.before) },
              { key: 'after', header: t('elections.scenario.after'), cell: (c) => partyLabel(t, c.after) },
              { key: 'majority', header: t('elections.majorityPct'), cell: (c) => pct(c.majorityPctBefore), className: 'num' },
              { key: 'margin', header: t('elections.scenario.marginAfter'), cell: (c) => pct(c.marginPctAfter), className: 'num' },
            ]}
          />
          <div className="actions">
            <CsvButton what={caption} fileName={`scenario-${election.name}-${r.from}-${r.to}-${r.swing}.csv`} rows={() => [
              ['code', 'name', 'region', 'before', 'after', 'majority_pct_before', 'margin_pct_after'],
              ...r.changes.map((c) => [c.code, c.name, c.regionName, c.before, c.after, c.majorityPctBefore, c.marginPctAfter]),
            ]} />
          </div>
          <SaveTargetList
            key={caption}
            election={election.name}
            seats={r.changes.map((c) => c.code)}
            basis={{ scenario: `${r.swing}-point swing from ${r.from} to ${r.to}`, area: r.area.name }}
            defaultName={t('elections.scenario.listName', { swing: r.swing, from: r.from, to: r.to, area: r.area.name })}
          />
        </>
      )}
    </>
  );
}
