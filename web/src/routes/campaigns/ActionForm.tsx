import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { SelectField, StatusMessage, TextInput, formatDateTime } from '../../components/index.ts';
import { actionKeys, campaignKeys, usePowerMap, type Campaign, type CampaignActionDetail, type Page } from './api.ts';

const NONE = 'none';

/** Plan an action: its name, day, the event people check in at, the target, the asks and a turnout goal. */
export function ActionForm({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const map = usePowerMap(c.id);
  const events = useQuery({
    queryKey: ['events', 'list', { unit: c.unitId, kind: 'action', status: 'scheduled' }],
    queryFn: () => api<Page<{ id: string; title: string; startsAt: string }>>(`/events?${new URLSearchParams({ unit: c.unitId, kind: 'action', status: 'scheduled', limit: '50' }).toString()}`),
    retry: false,
  });
  const [v, setV] = useState({ title: '', actionOn: new Date().toISOString().slice(0, 10), eventId: NONE, targetActorId: NONE, asks: '', turnoutGoal: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? NONE }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const body = {
        title: v.title, actionOn: v.actionOn,
        eventId: v.eventId === NONE ? null : v.eventId, targetActorId: v.targetActorId === NONE ? null : v.targetActorId,
        asks: v.asks.split('\n').map((s) => s.trim()).filter(Boolean),
        turnoutGoal: v.turnoutGoal.trim() === '' ? null : Number.isFinite(Number(v.turnoutGoal)) ? Number(v.turnoutGoal) : v.turnoutGoal,
      };
      const made = await api<CampaignActionDetail>(`/campaigns/${c.id}/actions`, { method: 'POST', body });
      await queryClient.invalidateQueries({ queryKey: actionKeys.list(c.id) });
      queryClient.setQueryData(actionKeys.one(c.id, made.id), made);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.one(c.id) });
      navigate(`/campaigns/${c.id}/actions/${made.id}`);
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setMessage({ kind: 'error', text: err.message }); } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  const eventOptions = [{ id: NONE, label: t('campaigns.actions.noEvent') }, ...(events.data?.items ?? []).map((e) => ({ id: e.id, label: e.title, description: formatDateTime(e.startsAt) }))];
  const targetOptions = [{ id: NONE, label: t('campaigns.actions.noTarget') }, ...(map.data?.actors ?? []).map((a) => ({ id: a.id, label: a.name, description: a.position || undefined }))];
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.actions.plan')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <TextInput label={t('campaigns.actions.name')} hint={t('campaigns.actions.nameHint')} value={v.title} onChange={set('title')} error={errors.title} isRequired autoComplete="off" />
      <div className="field">
        <label htmlFor={`${uid}-day`}>{t('campaigns.actions.day')}</label>
        <input id={`${uid}-day`} type="date" required value={v.actionOn} onChange={(e) => set('actionOn')(e.target.value)} aria-invalid={!!errors.actionOn || undefined} aria-describedby={errors.actionOn ? `${uid}-day-error` : undefined} />
        {errors.actionOn && <span id={`${uid}-day-error`} className="field-error">{errors.actionOn}</span>}
      </div>
      <SelectField label={t('campaigns.actions.event')} hint={t('campaigns.actions.eventHint')} options={eventOptions} value={v.eventId} onChange={set('eventId')} error={errors.eventId} />
      <SelectField label={t('campaigns.actions.target')} hint={t('campaigns.actions.targetHint')} options={targetOptions} value={v.targetActorId} onChange={set('targetActorId')} error={errors.targetActorId} />
      <div className="field">
        <label htmlFor={`${uid}-asks`}>{t('campaigns.actions.asks')}</label>
        <textarea id={`${uid}-asks`} value={v.asks} onChange={(e) => set('asks')(e.target.value)} maxLength={6000} aria-describedby={`${uid}-asks-hint`} />
        <span id={`${uid}-asks-hint`} className="hint">{t('campaigns.actions.asksHint')}</span>
        {Object.entries(errors).filter(([k]) => k.startsWith('asks')).map(([k, m]) => <span key={k} className="field-error">{m}</span>)}
      </div>
      <TextInput label={t('campaigns.actions.goal')} hint={t('campaigns.actions.goalHint')} value={v.turnoutGoal} onChange={set('turnoutGoal')} error={errors.turnoutGoal} inputMode="numeric" autoComplete="off" />
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.actions.save')}</Button></div>
    </Form>
  );
}
