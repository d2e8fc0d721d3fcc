import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { DataTable, SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { campaignKeys, type PowerMap } from './api.ts';
import { useAction } from './useAction.ts';

/** Relationships between actors ("licenses", "funds", "answers to"), as a table, with a form to add one. */
export function LinksPanel({ map }: { map: PowerMap }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [how, setHow] = useState('');
  const { message, run } = useAction();
  const nameOf = (id: string) => map.actors.find((a) => a.id === id)?.name ?? '';
  const options = map.actors.map((a) => ({ id: a.id, label: a.name }));

  const send = async (call: () => Promise<PowerMap>) => {
    const next = await run(call, () => t('campaigns.map.saved'));
    if (next) queryClient.setQueryData(campaignKeys.map(map.campaignId), next);
    return !!next;
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return;
    if (await send(() => api<PowerMap>(`/campaigns/${map.campaignId}/actor-links`, { method: 'POST', body: { fromActorId: from, toActorId: to, description: how } }))) {
      setFrom(null); setTo(null); setHow('');
    }
  };

  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.map.linksTitle')}</h2>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <DataTable
        caption={t('campaigns.map.linksCaption')}
        captionHidden
        rows={map.links}
        rowKey={(l) => l.id}
        empty={t('campaigns.map.linksEmpty')}
        columns={[
          { key: 'from', header: t('campaigns.map.from'), isRowHeader: true, cell: (l) => nameOf(l.fromActorId) },
          { key: 'how', header: t('campaigns.map.how'), cell: (l) => l.description },
          { key: 'to', header: t('campaigns.map.to'), cell: (l) => nameOf(l.toActorId) },
          ...(map.canManage ? [{
            key: 'remove', header: <span className="visually-hidden">{t('campaigns.map.removeLink')}</span>, cell: (l: PowerMap['links'][number]) => (
              <Button className="react-aria-Button button--secondary" aria-label={`${t('campaigns.map.removeLink')}: ${nameOf(l.fromActorId)} → ${nameOf(l.toActorId)}`}
                onPress={() => void send(() => api<PowerMap>(`/campaigns/${map.campaignId}/actor-links/${l.id}`, { method: 'DELETE' }))}>
                {t('campaigns.detail.remove')}
              </Button>
            ),
          }] : []),
        ]}
      />
      {map.canManage && map.actors.length > 1 && (
        <Form onSubmit={add} className="inline-form" aria-label={t('campaigns.map.addLink')}>
          <SelectField label={t('campaigns.map.from')} options={options} value={from} onChange={setFrom} />
          <TextInput label={t('campaigns.map.how')} value={how} onChange={setHow} autoComplete="off" />
          <SelectField label={t('campaigns.map.to')} options={options.filter((o) => o.id !== from)} value={to} onChange={setTo} />
          <div className="actions"><Button type="submit" isDisabled={!from || !to}>{t('campaigns.map.addLink')}</Button></div>
        </Form>
      )}
    </section>
  );
}
