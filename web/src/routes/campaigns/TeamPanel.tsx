import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { DataTable, StatusMessage, TextInput } from '../../components/index.ts';
import { PersonComboBox } from '../organising/PersonComboBox.tsx';
import { campaignKeys, type Campaign } from './api.ts';
import { useAction } from './useAction.ts';

/** The campaign's team: people with their roles, leaders first; organisers add and remove them. */
export function TeamPanel({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState('');
  const [leader, setLeader] = useState(false);
  const { message, busy, run } = useAction();
  const apply = async (call: () => Promise<Campaign>, ok: string) => {
    const next = await run(call, () => ok);
    if (next) queryClient.setQueryData(campaignKeys.one(c.id), next);
    return !!next;
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!person) return;
    const name = person.name;
    const done = await apply(() => api<Campaign>(`/campaigns/${c.id}/team/${person.id}`, { method: 'PUT', body: { role, isLeader: leader } }), t('campaigns.detail.added', { name }));
    if (done) { setPerson(null); setRole(''); setLeader(false); }
  }

  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.detail.teamTitle')}</h2>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <DataTable
        caption={t('campaigns.detail.teamCaption')}
        captionHidden
        rows={c.team}
        rowKey={(m) => m.personId}
        empty={t('campaigns.detail.teamEmpty')}
        columns={[
          { key: 'name', header: t('campaigns.detail.person'), isRowHeader: true, cell: (m) => <Link to={`/people/${m.personId}`}>{m.name}</Link> },
          { key: 'role', header: t('campaigns.detail.role'), cell: (m) => m.role },
          { key: 'leader', header: t('campaigns.detail.leader'), cell: (m) => (m.isLeader ? t('campaigns.detail.isLeader') : t('campaigns.detail.notLeader')) },
          ...(c.canManage ? [{
            key: 'remove', header: <span className="visually-hidden">{t('campaigns.detail.remove')}</span>, cell: (m: Campaign['team'][number]) => (
              <Button className="react-aria-Button button--secondary" isDisabled={busy} aria-label={t('campaigns.detail.removeFromTeam', { name: m.name })}
                onPress={() => void apply(() => api<Campaign>(`/campaigns/${c.id}/team/${m.personId}`, { method: 'DELETE' }), '')}>
                {t('campaigns.detail.remove')}
              </Button>
            ),
          }] : []),
        ]}
      />
      {c.canManage && (
        <Form onSubmit={add} className="inline-form" aria-label={t('campaigns.detail.addToTeam')}>
          <PersonComboBox label={t('campaigns.detail.teamPerson')} value={person} onChange={setPerson} />
          <TextInput label={t('campaigns.detail.teamRole')} value={role} onChange={setRole} autoComplete="off" />
          <label className="campaign-check">
            <input type="checkbox" checked={leader} onChange={(e) => setLeader(e.target.checked)} />
            {t('campaigns.detail.teamIsLeader')}
          </label>
          <div className="actions"><Button type="submit" isDisabled={busy || !person}>{t('campaigns.detail.addToTeam')}</Button></div>
        </Form>
      )}
    </section>
  );
}
