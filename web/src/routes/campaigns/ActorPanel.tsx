import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmDialog, SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { PersonComboBox } from '../organising/PersonComboBox.tsx';
import { campaignKeys, influences, stances, type MapActor, type PowerMap } from './api.ts';
import { useAction } from './useAction.ts';

export const stanceLabel = (t: (k: string) => string, s: number) => `${s > 0 ? `+${s}` : s} ${t(`campaigns.map.stances.${s}`)}`;

/** One actor of the map: what we know of them, and for organisers the way to move, mark, edit or remove them and record our contacts. */
export function ActorPanel({ campaignId, actor, canManage, onRemoved }: { campaignId: string; actor: MapActor; canManage: boolean; onRemoved: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ influence: String(actor.influence), stance: String(actor.stance), target: actor.target ?? 'none', position: actor.position, selfInterest: actor.selfInterest });
  const [contact, setContact] = useState<{ id: string; name: string } | null>(null);
  const [how, setHow] = useState('');
  const { message, busy, run } = useAction();
  const send = async (call: () => Promise<PowerMap>, ok: string) => {
    const next = await run(call, () => ok);
    if (next) queryClient.setQueryData(campaignKeys.map(campaignId), next);
    return !!next;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void send(() => api<PowerMap>(`/campaigns/${campaignId}/actors/${actor.id}`, {
      method: 'PATCH',
      body: { influence: Number(v.influence), stance: Number(v.stance), target: v.target === 'none' ? null : v.target, position: v.position, selfInterest: v.selfInterest },
    }), t('campaigns.map.saved'));
  };
  const addContact = async (e: FormEvent) => {
    e.preventDefault();
    if (!contact) return;
    if (await send(() => api<PowerMap>(`/campaigns/${campaignId}/actors/${actor.id}/contacts`, { method: 'POST', body: { personId: contact.id, relationship: how } }), t('campaigns.map.saved'))) {
      setContact(null);
      setHow('');
    }
  };

  return (
    <section className="actor-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.map.selected', { name: actor.name })}</h2>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <dl className="facts">
        <dt>{t('campaigns.map.kind')}</dt><dd>{t(`campaigns.map.kinds.${actor.kind}`)}{actor.personId ? ` · ${t('campaigns.map.inRecords')}` : ''}</dd>
        <dt>{t('campaigns.map.position')}</dt><dd>{actor.position || t('campaigns.map.none')}</dd>
        <dt>{t('campaigns.map.influence')}</dt><dd>{actor.influence}</dd>
        <dt>{t('campaigns.map.stance')}</dt><dd>{stanceLabel(t, actor.stance)}</dd>
        <dt>{t('campaigns.map.target')}</dt><dd>{actor.target ? t(`campaigns.map.targets.${actor.target}`) : t('campaigns.map.noTarget')}</dd>
        <dt>{t('campaigns.map.selfInterest')}</dt><dd>{actor.selfInterest || t('campaigns.map.none')}</dd>
        {actor.notes && <><dt>{t('campaigns.map.notes')}</dt><dd>{actor.notes}</dd></>}
      </dl>
      <h3>{t('campaigns.map.contactTitle', { name: actor.name })}</h3>
      {actor.contacts.length === 0 ? <p className="muted">{t('campaigns.map.none')}</p> : (
        <ul className="area-list">
          {actor.contacts.map((c) => (
            <li key={c.personId}>
              <span>{c.name}{c.relationship && <span className="muted"> · {c.relationship}</span>}</span>
              {canManage && (
                <Button className="react-aria-Button button--secondary" isDisabled={busy} aria-label={t('campaigns.map.removeContact', { name: c.name })}
                  onPress={() => void send(() => api<PowerMap>(`/campaigns/${campaignId}/actors/${actor.id}/contacts/${c.personId}`, { method: 'DELETE' }), t('campaigns.map.saved'))}>
                  {t('campaigns.detail.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <>
          <Form onSubmit={addContact} className="inline-form" aria-label={t('campaigns.map.addContact')}>
            <PersonComboBox label={t('campaigns.map.contactPerson')} value={contact} onChange={setContact} />
            <TextInput label={t('campaigns.map.contactHow')} value={how} onChange={setHow} autoComplete="off" />
            <div className="actions"><Button type="submit" isDisabled={busy || !contact}>{t('campaigns.map.addContact')}</Button></div>
          </Form>
          <h3>{t('campaigns.map.editTitle', { name: actor.name })}</h3>
          <Form onSubmit={save} className="campaign-form" aria-label={t('campaigns.map.editTitle', { name: actor.name })}>
            <SelectField label={t('campaigns.map.influence')} options={influences.map((n) => ({ id: String(n), label: String(n) }))} value={v.influence} onChange={(x) => setV((s) => ({ ...s, influence: x ?? s.influence }))} />
            <SelectField label={t('campaigns.map.stance')} options={stances.map((n) => ({ id: String(n), label: stanceLabel(t, n) }))} value={v.stance} onChange={(x) => setV((s) => ({ ...s, stance: x ?? s.stance }))} />
            <SelectField label={t('campaigns.map.target')} options={[{ id: 'none', label: t('campaigns.map.noTarget') }, { id: 'primary', label: t('campaigns.map.targets.primary') }, { id: 'secondary', label: t('campaigns.map.targets.secondary') }]} value={v.target} onChange={(x) => setV((s) => ({ ...s, target: x ?? 'none' }))} />
            <TextInput label={t('campaigns.map.position')} value={v.position} onChange={(x) => setV((s) => ({ ...s, position: x }))} autoComplete="off" />
            <TextInput label={t('campaigns.map.selfInterest')} value={v.selfInterest} onChange={(x) => setV((s) => ({ ...s, selfInterest: x }))} autoComplete="off" />
            <div className="actions">
              <Button type="submit" isDisabled={busy}>{t('campaigns.map.save')}</Button>
              <ConfirmDialog
                triggerLabel={t('campaigns.map.removeActor')}
                triggerClassName="button--secondary"
                title={t('campaigns.map.removeTitle', { name: actor.name })}
                confirmLabel={t('campaigns.map.removeActor')}
                destructive
                onConfirm={async () => { queryClient.setQueryData(campaignKeys.map(campaignId), await api<PowerMap>(`/campaigns/${campaignId}/actors/${actor.id}`, { method: 'DELETE' })); }}
                onDone={onRemoved}
              >
                <p>{t('campaigns.map.removeBody')}</p>
              </ConfirmDialog>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
