import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { Breadcrumbs, DataTable, PageHeader, QueryState, SelectField, StatusMessage, TextInput, formatDateTime } from '../../components/index.ts';
import { PersonComboBox } from '../organising/PersonComboBox.tsx';
import { useCampaign } from './api.ts';
import { SegmentBar } from './SegmentBar.tsx';
import { structureKeys, structureStatuses, type StructureTest } from './structureApi.ts';
import './campaigns.css';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Runs one write of the test page and keeps the cached test in step with the answer. */
function useTestWrite(s: StructureTest) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function write(path: string, method: 'POST' | 'PATCH' | 'DELETE', body: Record<string, unknown> | undefined, ok: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const next = await api<StructureTest>(`/campaigns/${s.campaignId}/structure-tests/${s.id}${path}`, { method, ...(body ? { body } : {}) });
      queryClient.setQueryData(structureKeys.one(s.campaignId, s.id), next);
      void queryClient.invalidateQueries({ queryKey: structureKeys.list(s.campaignId), exact: true });
      setMessage({ kind: 'ok', text: ok });
      return true;
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setMessage({ kind: 'error', text: err.message }); } else setMessage({ kind: 'error', text: t('common.error') });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { message, errors, busy, write };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const uid = useId();
  return <section className="campaign-section" aria-labelledby={`${uid}-title`}><h2 id={`${uid}-title`}>{title}</h2>{children}</section>;
}

/** Count a person in a segment, collected by me. */
function CountForm({ s }: { s: StructureTest }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [segmentId, setSegmentId] = useState<string>(s.segments[0]?.id ?? '');
  const { message, errors, busy, write } = useTestWrite(s);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await write('/counts', 'POST', { personId: person?.id ?? '', segmentId }, t('campaigns.structure.recorded', { name: person?.name ?? '' }))) setPerson(null);
  }
  return (
    <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.structure.countTitle')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <PersonComboBox label={t('campaigns.structure.person')} value={person} onChange={setPerson} error={errors.personId} />
      <SelectField label={t('campaigns.structure.segmentPick')} options={s.segments.map((g) => ({ id: g.id, label: `${g.name} (${g.counted}/${g.size})` }))} value={segmentId} onChange={(v) => setSegmentId(v ?? '')} error={errors.segmentId} />
      <div className="actions"><Button type="submit" isDisabled={busy || !person}>{busy ? t('common.working') : t('campaigns.structure.record')}</Button></div>
    </Form>
  );
}

function AddSegmentForm({ s }: { s: StructureTest }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: '', size: '' });
  const { message, errors, busy, write } = useTestWrite(s);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const size = Number.isFinite(Number(v.size)) && v.size.trim() !== '' ? Number(v.size) : v.size;
    if (await write('/segments', 'POST', { name: v.name, size }, t('campaigns.structure.segmentAdded'))) setV({ name: '', size: '' });
  }
  return (
    <Form onSubmit={(e) => void submit(e)} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.structure.addSegmentTitle')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <TextInput label={t('campaigns.structure.segmentName')} value={v.name} onChange={(x) => setV((o) => ({ ...o, name: x ?? '' }))} error={errors.name} isRequired autoComplete="off" />
      <TextInput label={t('campaigns.structure.segmentSize')} value={v.size} onChange={(x) => setV((o) => ({ ...o, size: x ?? '' }))} error={errors.size} inputMode="numeric" isRequired autoComplete="off" />
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.structure.addSegment')}</Button></div>
    </Form>
  );
}

/** Adds a segment for each postcode or address line among the campaign's people. */
function GenerateSegmentsForm({ s }: { s: StructureTest }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<string>('postcode');
  const { message, errors, busy, write } = useTestWrite(s);
  function submit(e: FormEvent) {
    e.preventDefault();
    void write('/segments/generate', 'POST', { by }, t('campaigns.structure.generated'));
  }
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.structure.generateTitle')}>
      <p className="hint">{t('campaigns.structure.generateHint')}</p>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <SelectField label={t('campaigns.structure.groupBy')} options={(['postcode', 'address_line1', 'address_line2'] as const).map((x) => ({ id: x, label: t(`campaigns.structure.groupings.${x}`) }))} value={by} onChange={(v) => setBy(v ?? 'postcode')} error={errors.by} />
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.structure.generate')}</Button></div>
    </Form>
  );
}

function StatusForm({ s }: { s: StructureTest }) {
  const { t } = useTranslation();
  const uid = useId();
  const [status, setStatus] = useState<string>(s.status);
  const [reason, setReason] = useState('');
  const { message, errors, busy, write } = useTestWrite(s);
  function submit(e: FormEvent) {
    e.preventDefault();
    const early = status === 'public' && s.status !== 'public' && !s.goPublic;
    void write('', 'PATCH', { status, ...(early && reason.trim() ? { overrideReason: reason } : {}) }, t('campaigns.structure.statusSaved'));
  }
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.structure.statusTitle')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <SelectField label={t('campaigns.structure.status')} options={structureStatuses.map((x) => ({ id: x, label: t(`campaigns.structure.statuses.${x}`) }))} value={status} onChange={(v) => setStatus(v ?? s.status)} error={errors.status} />
      {status === 'public' && s.status !== 'public' && !s.goPublic && (
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('campaigns.structure.overrideReason')}</label>
          <p className="hint" id={`${uid}-reason-hint`}>{t('campaigns.structure.overrideHint')}</p>
          <textarea id={`${uid}-reason`} aria-describedby={`${uid}-reason-hint`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          {errors.overrideReason && <span className="field-error">{errors.overrideReason}</span>}
        </div>
      )}
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.structure.saveStatus')}</Button></div>
    </Form>
  );
}

function LatestCounts({ s }: { s: StructureTest }) {
  const { t } = useTranslation();
  const { message, write } = useTestWrite(s);
  const segName = new Map(s.segments.map((g) => [g.id, g.name]));
  return (
    <>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <DataTable
        caption={t('campaigns.structure.countsCaption')}
        captionHidden
        rows={s.counts}
        rowKey={(c) => c.personId}
        empty={t('campaigns.structure.noVolunteers')}
        columns={[
          { key: 'person', header: t('campaigns.structure.person'), isRowHeader: true, cell: (c) => (c.name ? <Link to={`/people/${c.personId}`}>{c.name}</Link> : t('campaigns.structure.hiddenPerson')) },
          { key: 'segment', header: t('campaigns.structure.segment'), cell: (c) => segName.get(c.segmentId) ?? '' },
          { key: 'when', header: t('campaigns.structure.when'), cell: (c) => formatDateTime(c.collectedAt) },
          {
            key: 'remove', header: '', cell: (c) => c.canRemove && (
              <Button className="react-aria-Button button--secondary" onPress={() => void write(`/counts/${c.personId}`, 'DELETE', undefined, t('campaigns.structure.removed'))}>
                {t('campaigns.structure.remove', { name: c.name ?? t('campaigns.structure.hiddenPerson') })}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** /campaigns/:id/structure-tests/:testId: progress by segment against the threshold, volunteers against the quota, counting. */
export function StructureTestPage() {
  const { t } = useTranslation();
  const { id = '', testId = '' } = useParams();
  const campaign = useCampaign(id);
  const q = useQuery({ queryKey: structureKeys.one(id, testId), queryFn: () => api<StructureTest>(`/campaigns/${id}/structure-tests/${testId}`) });
  const s = q.data;
  const fact = (label: string, value: ReactNode) => <><dt>{label}</dt><dd>{value}</dd></>;
  return (
    <>
      <Breadcrumbs items={[
        { label: t('campaigns.list.title'), to: '/campaigns' },
        { label: campaign.data?.title ?? '…', to: `/campaigns/${id}` },
        { label: s?.title ?? '…' },
      ]} />
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()}>
        {s && (
          <>
            <PageHeader title={t('campaigns.structure.pageTitle', { title: s.title })} lead={t(`campaigns.structure.statuses.${s.status}`)} />
            {s.goPublic && <p className="go-public" role="status">{t('campaigns.structure.ready')}</p>}
            <dl className="facts">
              {fact(t('campaigns.structure.facts.campaign'), <Link to={`/campaigns/${id}`}>{campaign.data?.title ?? t('campaigns.structure.back')}</Link>)}
              {fact(t('campaigns.structure.facts.countsWhat'), s.countsWhat)}
              {fact(t('campaigns.structure.facts.threshold'), t('campaigns.structure.thresholdValue', { threshold: s.thresholdPct }))}
              {fact(t('campaigns.structure.facts.quota'), s.quota ?? t('campaigns.structure.noQuota'))}
              {s.publicOverrideReason && fact(t('campaigns.structure.facts.override'), s.publicOverrideReason)}
            </dl>
            <Section title={t('campaigns.structure.segmentsTitle')}>
              <p>{t('campaigns.structure.rule', { threshold: s.thresholdPct })}</p>
              {s.segments.length === 0 ? <p>{t('campaigns.structure.noSegments')}</p> : (
                <>
                  <ul className="segment-list">
                    {s.segments.map((g) => <li key={g.id}><SegmentBar label={g.name} p={g} threshold={s.thresholdPct} what={s.countsWhat} /></li>)}
                    <li><SegmentBar label="" p={s.overall} threshold={s.thresholdPct} what={s.countsWhat} overall /></li>
                  </ul>
                  <details>
                    <summary>{t('campaigns.structure.showTable')}</summary>
                    <DataTable
                      caption={t('campaigns.structure.segmentsCaption')}
                      rows={s.segments}
                      rowKey={(g) => g.id}
                      columns={[
                        { key: 'name', header: t('campaigns.structure.segment'), isRowHeader: true, cell: (g) => g.name },
                        { key: 'counted', header: t('campaigns.structure.counted'), cell: (g) => g.counted },
                        { key: 'size', header: t('campaigns.structure.size'), cell: (g) => g.size },
                        { key: 'percent', header: t('campaigns.structure.percent'), cell: (g) => `${g.percent}%` },
                        { key: 'meets', header: t('campaigns.structure.atThreshold'), cell: (g) => (g.meetsThreshold ? t('campaigns.structure.yes') : t('campaigns.structure.no')) },
                      ]}
                    />
                  </details>
                </>
              )}
            </Section>
            <Section title={t('campaigns.structure.volunteersTitle')}>
              <DataTable
                caption={t('campaigns.structure.volunteersCaption')}
                captionHidden
                rows={s.volunteers}
                rowKey={(v) => v.accountId ?? 'none'}
                empty={t('campaigns.structure.noVolunteers')}
                columns={[
                  { key: 'name', header: t('campaigns.structure.volunteer'), isRowHeader: true, cell: (v) => v.name },
                  { key: 'counted', header: t('campaigns.structure.counted'), cell: (v) => v.counted },
                  {
                    key: 'quota', header: t('campaigns.structure.quotaProgress'),
                    cell: (v) => (v.quota === null ? t('campaigns.structure.noQuota') : (
                      <span className="turnout">
                        <progress className="turnout__bar" aria-hidden="true" max={v.quota} value={Math.min(v.counted, v.quota)} />
                        <span>{t('campaigns.structure.quotaLine', { counted: v.counted, quota: v.quota, percent: v.percent })}</span>
                      </span>
                    )),
                  },
                ]}
              />
            </Section>
            {s.canCount && s.segments.length > 0 && (
              <Section title={t('campaigns.structure.countTitle')}>
                <CountForm key={`count-${s.id}`} s={s} />
              </Section>
            )}
            {!s.canCount && s.status === 'draft' && <p className="muted">{t('campaigns.structure.countHint')}</p>}
            {s.counts.length > 0 && <Section title={t('campaigns.structure.countsTitle')}><LatestCounts s={s} /></Section>}
            {s.canManage && (
              <>
                <Section title={t('campaigns.structure.addSegmentTitle')}>
                  <AddSegmentForm s={s} />
                  <details>
                    <summary>{t('campaigns.structure.generateTitle')}</summary>
                    <GenerateSegmentsForm s={s} />
                  </details>
                </Section>
                <Section title={t('campaigns.structure.statusTitle')}><StatusForm s={s} /></Section>
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
