import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useTaxonomy } from '../../api/conversations.ts';
import { useSession } from '../../api/session.ts';
import { Breadcrumbs, PageHeader, QueryState, SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { unitsWithPermission } from '../admin/unitsWithPermission.ts';
import { AreaComboBox } from '../people/AreaComboBox.tsx';
import { useUnits } from '../units/api.ts';
import { campaignKeys, campaignPhases, useCampaign, type Campaign } from './api.ts';
import './campaigns.css';

interface Values {
  unitId: string;
  title: string;
  description: string;
  issueId: string;
  demand: string;
  goal: string;
  deadline: string;
  areas: { code: string; name: string }[];
  phase: string;
}

const fromCampaign = (c: Campaign): Values => ({
  unitId: c.unitId, title: c.title, description: c.description, issueId: c.issue?.id ?? '', demand: c.demand, goal: c.goal, deadline: c.deadline ?? '',
  areas: c.areas.map((a) => ({ code: a.code, name: a.name })), phase: c.phase,
});

function CampaignFields({ initial, campaign, onDone }: { initial: Values; campaign?: Campaign; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const units = useUnits();
  const taxonomy = useTaxonomy();
  const [v, setV] = useState<Values>(initial);
  const [area, setArea] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  const choices = unitsWithPermission(units.data ?? [], session, 'campaigns.manage');
  useEffect(() => {
    if (!v.unitId && choices[0]) setV((s) => ({ ...s, unitId: choices[0]!.id }));
  }, [choices, v.unitId]);
  const issueOptions = [
    { id: 'none', label: t('campaigns.form.noIssue') },
    ...(taxonomy.data?.issues ?? []).filter((i) => i.status !== 'rejected').map((i) => ({ id: i.id, label: i.label })),
  ];

  function addArea(code: string | undefined) {
    setArea(code);
    if (!code || v.areas.some((a) => a.code === code)) return;
    void api<{ code: string; name: string }>(`/areas/${encodeURIComponent(code)}`).then((a) => {
      setV((s) => (s.areas.some((x) => x.code === a.code) ? s : { ...s, areas: [...s.areas, { code: a.code, name: a.name }] }));
      setArea(undefined);
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    const body = {
      title: v.title, description: v.description, issueId: v.issueId || null, demand: v.demand, goal: v.goal, deadline: v.deadline || null,
      areaCodes: v.areas.map((a) => a.code),
    };
    try {
      let id: string;
      if (campaign) {
        await api<Campaign>(`/campaigns/${campaign.id}`, { method: 'PATCH', body });
        id = campaign.id;
      } else {
        id = (await api<Campaign>('/campaigns', { method: 'POST', body: { ...body, unitId: v.unitId, phase: v.phase } })).id;
      }
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onDone(id);
    } catch (err) {
      if (!(err instanceof ApiError)) { setFormError(t('common.error')); return; }
      setErrors(err.fieldErrors());
      setFormError(err.message);
    } finally {
      setBusy(false);
    }
  }

  const summary = Object.entries(errors);
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={campaign ? t('campaigns.form.editTitle', { title: campaign.title }) : t('campaigns.form.newTitle')}>
      {formError && (
        <StatusMessage kind="error">
          <p>{summary.length ? t('campaigns.form.errorSummary') : formError}</p>
          {summary.length > 0 && <ul>{summary.map(([k, m]) => <li key={k}>{m}</li>)}</ul>}
        </StatusMessage>
      )}
      {!campaign && (
        <SelectField label={t('campaigns.form.unit')} options={choices.map((u) => ({ id: u.id, label: u.name }))} value={v.unitId || null} onChange={set('unitId')} error={errors.unitId} isRequired />
      )}
      <TextInput label={t('campaigns.form.title')} value={v.title} onChange={set('title')} error={errors.title} isRequired autoComplete="off" />
      <div className="field">
        <label htmlFor={`${uid}-description`}>{t('campaigns.form.description')}</label>
        <textarea id={`${uid}-description`} value={v.description} onChange={(e) => set('description')(e.target.value)} maxLength={5000} />
      </div>
      <SelectField label={t('campaigns.form.issue')} hint={t('campaigns.form.issueHint')} options={issueOptions} value={v.issueId || 'none'} onChange={(x) => set('issueId')(x === 'none' ? '' : x)} error={errors.issueId} />
      <TextInput label={t('campaigns.form.demand')} hint={t('campaigns.form.demandHint')} value={v.demand} onChange={set('demand')} error={errors.demand} autoComplete="off" />
      <TextInput label={t('campaigns.form.goal')} value={v.goal} onChange={set('goal')} error={errors.goal} autoComplete="off" />
      <div className="field">
        <label htmlFor={`${uid}-deadline`}>{t('campaigns.form.deadline')}</label>
        <input id={`${uid}-deadline`} type="date" value={v.deadline} onChange={(e) => set('deadline')(e.target.value)} aria-invalid={!!errors.deadline || undefined} aria-describedby={errors.deadline ? `${uid}-deadline-error` : undefined} />
        {errors.deadline && <span id={`${uid}-deadline-error`} className="field-error">{errors.deadline}</span>}
      </div>
      <fieldset className="campaign-areas">
        <legend>{t('campaigns.form.areas')}</legend>
        {v.areas.length === 0 ? <p className="muted">{t('campaigns.form.noAreas')}</p> : (
          <ul className="area-list">
            {v.areas.map((a) => (
              <li key={a.code}>
                <span>{a.name} <span className="muted">{a.code}</span></span>
                <Button className="react-aria-Button button--secondary" onPress={() => setV((s) => ({ ...s, areas: s.areas.filter((x) => x.code !== a.code) }))}>
                  {t('campaigns.form.removeArea', { name: a.name })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <AreaComboBox label={t('campaigns.form.addArea')} hint={t('campaigns.form.areasHint')} value={area} onChange={addArea} error={errors.areaCodes} />
      </fieldset>
      {!campaign && (
        <SelectField label={t('campaigns.form.phase')} options={campaignPhases.map((p) => ({ id: p, label: t(`campaigns.phases.${p}`) }))} value={v.phase} onChange={set('phase')} />
      )}
      <div className="actions">
        <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : campaign ? t('campaigns.form.save') : t('campaigns.form.create')}</Button>
      </div>
    </Form>
  );
}

/** /campaigns/new (optionally ?issue=<id> to start from an issue people raise) */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const units = useUnits();
  const initial: Values = { unitId: params.get('unit') ?? '', title: '', description: '', issueId: params.get('issue') ?? '', demand: '', goal: '', deadline: '', areas: [], phase: 'build_relationships' };
  return (
    <>
      <Breadcrumbs items={[{ label: t('campaigns.list.title'), to: '/campaigns' }, { label: t('campaigns.form.newTitle') }]} />
      <PageHeader title={t('campaigns.form.newTitle')} />
      <QueryState isLoading={units.isLoading} error={units.error}>
        <CampaignFields initial={initial} onDone={(id) => navigate(`/campaigns/${id}`)} />
      </QueryState>
    </>
  );
}

/** /campaigns/:id/edit */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const campaign = useCampaign(id);
  const c = campaign.data;
  return (
    <>
      <Breadcrumbs items={[{ label: t('campaigns.list.title'), to: '/campaigns' }, { label: c?.title ?? '…', to: `/campaigns/${id}` }, { label: t('campaigns.detail.edit') }]} />
      <QueryState isLoading={campaign.isLoading} error={campaign.error}>
        {c && (
          <>
            <PageHeader title={t('campaigns.form.editTitle', { title: c.title })} />
            <CampaignFields initial={fromCampaign(c)} campaign={c} onDone={(x) => navigate(`/campaigns/${x}`)} />
          </>
        )}
      </QueryState>
    </>
  );
}
