import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup, TextArea, TextField, Text, FieldError } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { comparable, useBreakdown, useElections, type Impact } from './api.ts';
import { Attribution } from './Attribution.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import { partyLabel } from './format.ts';
import { ImpactResult } from './ImpactResult.tsx';
import { OrganisingTable } from './OrganisingTable.tsx';
import './elections.css';

/** /elections/impact: did the party's share change differently where we organised? */
export function ImpactPage() {
  const { t } = useTranslation();
  const elections = useElections();
  const list = elections.data?.items ?? [];
  const defaultTo = [...list].reverse().find((e) => comparable(list, e.name).length > 0)?.name ?? '';
  const [toChoice, setTo] = useState<string | null>(null);
  const to = toChoice ?? defaultTo;
  const earlier = comparable(list, to);
  const [fromChoice, setFrom] = useState<string | null>(null);
  const from = fromChoice && earlier.some((e) => e.name === fromChoice) ? fromChoice : earlier[0]?.name ?? '';
  const [party, setParty] = useState('Lab');
  const [source, setSource] = useState<'list' | 'records'>('list');
  const [codes, setCodes] = useState('');
  const [since, setSince] = useState('');
  const [region, setRegion] = useState('all');
  const [seed, setSeed] = useState('1');
  const regions = useBreakdown(to, 'region');
  const current = list.find((e) => e.name === to);
  const evaluate = useMutation({
    mutationFn: () => api<Impact>('/impact/evaluations', {
      method: 'POST',
      body: {
        party, from, to, seed: Number(seed) || 0, region: region === 'all' ? undefined : region,
        ...(source === 'list' ? { organisedList: codes } : { activitySince: since }),
      },
    }),
  });
  const fieldErrors = evaluate.error instanceof ApiError ? evaluate.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    evaluate.mutate();
  }
  return (
    <>
      <PageHeader title={t('elections.impact.title')} lead={t('elections.impact.lead')} />
      <ElectionsNav />
      <QueryState isLoading={elections.isLoading} error={elections.error}>
        {!defaultTo ? <p className="notice">{t('elections.impact.needTwo')}</p> : (
          <>
            <Form onSubmit={submit} className="elections-form" aria-label={t('elections.impact.formLabel')}>
              <div className="elections-controls">
                <SelectField label={t('elections.impact.to')} options={list.filter((e) => comparable(list, e.name).length > 0).reverse().map((e) => ({ id: e.name, label: e.name }))} value={to} onChange={(v) => v && setTo(v)} />
                <SelectField label={t('elections.impact.from')} options={earlier.map((e) => ({ id: e.name, label: e.name }))} value={from} onChange={(v) => v && setFrom(v)} />
                <SelectField label={t('elections.party')} options={(current?.parties ?? []).map((p) => ({ id: p, label: partyLabel(t, p) }))} value={party} onChange={(v) => v && setParty(v)} />
                <SelectField label={t('elections.impact.region')} options={[{ id: 'all', label: t('elections.scenario.everywhere') }, ...(regions.data?.items ?? []).map((s) => ({ id: s.area.code!, label: s.area.name }))]} value={region} onChange={(v) => v && setRegion(v)} />
              </div>
              <RadioGroup className="field elections-radios" value={source} onChange={(v) => setSource(v as 'list' | 'records')}>
                <Label>{t('elections.impact.source')}</Label>
                <Radio value="list">{t('elections.impact.sourceList')}</Radio>
                <Radio value="records">{t('elections.impact.sourceRecords')}</Radio>
              </RadioGroup>
              {source === 'list' ? (
                <TextField className="field" value={codes} onChange={setCodes} isRequired isInvalid={!!fieldErrors.organisedList || !!fieldErrors.organised}>
                  <Label>{t('elections.impact.codes')}</Label>
                  <TextArea rows={6} />
                  <Text slot="description">{t('elections.impact.codesHint')}</Text>
                  <FieldError>{fieldErrors.organisedList ?? fieldErrors.organised}</FieldError>
                </TextField>
              ) : (
                <TextInput label={t('elections.impact.since')} hint={t('elections.impact.sinceHint', { to })} type="date" value={since} onChange={setSince} isRequired error={fieldErrors.activitySince} />
              )}
              <TextInput label={t('elections.impact.seed')} hint={t('elections.impact.seedHint')} value={seed} onChange={setSeed} inputMode="numeric" />
              <div className="actions"><Button type="submit" isDisabled={evaluate.isPending}>{evaluate.isPending ? t('elections.impact.running') : t('elections.impact.run')}</Button></div>
            </Form>
            {evaluate.error && (
              <div role="alert" className="notice notice--error">
                <p>{evaluate.error.message}</p>
                {evaluate.error instanceof ApiError && Array.isArray(evaluate.error.details) && (
                  <ul>{(evaluate.error.details as { path: string; message: string }[]).slice(0, 20).map((d) => <li key={`${d.path}${d.message}`}>{d.message}</li>)}</ul>
                )}
              </div>
            )}
            {evaluate.data && <ImpactResult r={evaluate.data} />}
            <OrganisingTable election={to} />
          </>
        )}
      </QueryState>
      <Attribution />
    </>
  );
}
