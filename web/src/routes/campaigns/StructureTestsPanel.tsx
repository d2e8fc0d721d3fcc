import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { DataTable, QueryState, StatusMessage, TextInput } from '../../components/index.ts';
import type { Campaign } from './api.ts';
import { SegmentBar } from './SegmentBar.tsx';
import { structureKeys, type StructureTest, type StructureTestSummary } from './structureApi.ts';

const num = (s: string) => (s.trim() === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s);

/** Start a structure test: what counts, the threshold, a quota and the universe, one segment a line. */
function StructureTestForm({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ title: '', countsWhat: '', thresholdPct: '60', quota: '', segments: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const lines = v.segments.split('\n').map((l) => l.trim()).filter(Boolean);
    const segments: { name: string; size: number | string }[] = [];
    for (const [i, line] of lines.entries()) {
      const m = /^(.+?)\s*[:,]\s*(\d+)$/.exec(line);
      if (!m) { setErrors({ segments: t('campaigns.structure.segmentLineError', { line: i + 1 }) }); return; }
      segments.push({ name: m[1]!, size: Number(m[2]) });
    }
    setBusy(true);
    try {
      const made = await api<StructureTest>(`/campaigns/${c.id}/structure-tests`, {
        method: 'POST', body: { title: v.title, countsWhat: v.countsWhat, thresholdPct: num(v.thresholdPct), quota: num(v.quota), segments },
      });
      queryClient.setQueryData(structureKeys.one(c.id, made.id), made);
      await queryClient.invalidateQueries({ queryKey: structureKeys.list(c.id) });
      navigate(`/campaigns/${c.id}/structure-tests/${made.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = err.fieldErrors();
        const segErr = Object.entries(fe).find(([k]) => k.startsWith('segments'));
        setErrors({ ...fe, ...(segErr ? { segments: segErr[1] } : {}) });
        setMessage({ kind: 'error', text: err.message });
      } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.structure.start')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <TextInput label={t('campaigns.structure.name')} hint={t('campaigns.structure.nameHint')} value={v.title} onChange={set('title')} error={errors.title} isRequired autoComplete="off" />
      <TextInput label={t('campaigns.structure.countsWhat')} hint={t('campaigns.structure.countsWhatHint')} value={v.countsWhat} onChange={set('countsWhat')} error={errors.countsWhat} isRequired autoComplete="off" />
      <TextInput label={t('campaigns.structure.threshold')} hint={t('campaigns.structure.thresholdHint')} value={v.thresholdPct} onChange={set('thresholdPct')} error={errors.thresholdPct} inputMode="numeric" isRequired autoComplete="off" />
      <TextInput label={t('campaigns.structure.quota')} hint={t('campaigns.structure.quotaHint')} value={v.quota} onChange={set('quota')} error={errors.quota} inputMode="numeric" autoComplete="off" />
      <div className="field">
        <label htmlFor={`${uid}-segments`}>{t('campaigns.structure.segmentsField')}</label>
        <p className="hint" id={`${uid}-segments-hint`}>{t('campaigns.structure.segmentsHint')}</p>
        <textarea id={`${uid}-segments`} aria-describedby={`${uid}-segments-hint`} value={v.segments} onChange={(e) => set('segments')(e.target.value)} rows={5} />
        {errors.segments && <span className="field-error">{errors.segments}</span>}
      </div>
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.structure.create')}</Button></div>
    </Form>
  );
}

/** The campaign's structure tests with overall progress and whether each is ready to go public. */
export function StructureTestsPanel({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const list = useQuery({ queryKey: structureKeys.list(c.id), queryFn: () => api<{ items: StructureTestSummary[] }>(`/campaigns/${c.id}/structure-tests`) });
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.structure.title')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          caption={t('campaigns.structure.caption')}
          captionHidden
          rows={list.data?.items ?? []}
          rowKey={(s) => s.id}
          empty={t('campaigns.structure.empty')}
          columns={[
            { key: 'title', header: t('campaigns.structure.test'), isRowHeader: true, cell: (s) => <><Link to={`/campaigns/${c.id}/structure-tests/${s.id}`}>{s.title}</Link><span className="muted campaign-meta">{s.countsWhat}</span></> },
            { key: 'status', header: t('campaigns.structure.status'), cell: (s) => t(`campaigns.structure.statuses.${s.status}`) },
            {
              key: 'progress', header: t('campaigns.structure.progress'),
              cell: (s) => (
                <>
                  <SegmentBar label="" p={s.overall} threshold={s.thresholdPct} what={s.countsWhat} overall />
                  {s.goPublic
                    ? <strong className="go-public">{t('campaigns.structure.ready')}</strong>
                    : <span className="muted">{t('campaigns.structure.notReady', { meeting: s.segmentsMeeting, count: s.segmentCount, threshold: s.thresholdPct })}</span>}
                </>
              ),
            },
          ]}
        />
      </QueryState>
      {c.canManage && (
        <details>
          <summary>{t('campaigns.structure.start')}</summary>
          <StructureTestForm c={c} />
        </details>
      )}
    </section>
  );
}
