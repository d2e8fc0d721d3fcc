import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { PersonComboBox } from '../organising/PersonComboBox.tsx';
import { stanceLabel } from './ActorPanel.tsx';
import { campaignKeys, influences, stances, type PowerMap } from './api.ts';

const blank = { kind: 'institution', name: '', position: '', influence: '3', stance: '0', target: 'none', selfInterest: '' };

/** Puts someone on the power map: an institution or person outside our records by name, or one of our people. */
export function AddActorForm({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState(blank);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof blank) => (x: string | null) => setV((s) => ({ ...s, [k]: x ?? '' }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const ours = v.kind === 'person' && person;
    try {
      const map = await api<PowerMap>(`/campaigns/${campaignId}/actors`, {
        method: 'POST',
        body: {
          kind: v.kind, ...(ours ? { personId: person.id } : { name: v.name }), position: v.position, influence: Number(v.influence), stance: Number(v.stance),
          target: v.target === 'none' ? null : v.target, selfInterest: v.selfInterest,
        },
      });
      queryClient.setQueryData(campaignKeys.map(campaignId), map);
      setMessage({ kind: 'ok', text: t('campaigns.map.addedActor', { name: ours ? person.name : v.name }) });
      setV(blank);
      setPerson(null);
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setMessage({ kind: 'error', text: err.message }); } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.map.addTitle')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <SelectField label={t('campaigns.map.kind')} options={(['institution', 'person'] as const).map((k) => ({ id: k, label: t(`campaigns.map.kinds.${k}`) }))} value={v.kind} onChange={set('kind')} />
      {v.kind === 'person' && <PersonComboBox label={t('campaigns.map.inRecords')} value={person} onChange={setPerson} error={errors.personId} />}
      {!(v.kind === 'person' && person) && <TextInput label={t('campaigns.map.name')} hint={t('campaigns.map.nameHint')} value={v.name} onChange={set('name')} error={errors.name} autoComplete="off" />}
      <TextInput label={t('campaigns.map.position')} value={v.position} onChange={set('position')} error={errors.position} autoComplete="off" />
      <SelectField label={t('campaigns.map.influence')} options={influences.map((n) => ({ id: String(n), label: String(n) }))} value={v.influence} onChange={set('influence')} error={errors.influence} />
      <SelectField label={t('campaigns.map.stance')} options={stances.map((n) => ({ id: String(n), label: stanceLabel(t, n) }))} value={v.stance} onChange={set('stance')} error={errors.stance} />
      <SelectField label={t('campaigns.map.target')} options={[{ id: 'none', label: t('campaigns.map.noTarget') }, { id: 'primary', label: t('campaigns.map.targets.primary') }, { id: 'secondary', label: t('campaigns.map.targets.secondary') }]} value={v.target} onChange={set('target')} />
      <TextInput label={t('campaigns.map.selfInterest')} value={v.selfInterest} onChange={set('selfInterest')} error={errors.selfInterest} autoComplete="off" />
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.map.add')}</Button></div>
    </Form>
  );
}
