import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { conversationKeys, deleteConversation, invalidateOrganising, useConversation, type Conversation } from '../../../api/conversations.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { CommitmentItems } from '../CommitmentItems.tsx';
import { FollowUpItems } from '../FollowUpItems.tsx';
import { SensitiveParts } from './SensitiveParts.tsx';
import '../conversations.css';

export const conversationTitle = (t: (k: string, o?: Record<string, unknown>) => string, c: Conversation) =>
  t('conversations.detail.title', { kind: t(`conversations.kinds.${c.kind}`), names: c.people.map((p) => p.name ?? t('conversations.someone')).join(', ') });

/** /conversations/:id: one conversation in full, as far as the caller may read it, with edit and delete. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const conv = useConversation(id);
  const c = conv.data;
  const personOf = (pid: string) => c?.people.find((p) => p.id === pid)?.name ?? t('conversations.someone');
  const fact = (label: string, value: React.ReactNode) => (value ? <><dt>{label}</dt><dd>{value}</dd></> : null);

  return (
    <>
      <Breadcrumbs items={[{ label: t('conversations.list.title'), to: '/conversations' }, { label: t('conversations.detail.crumb') }]} />
      <QueryState isLoading={conv.isLoading} error={conv.error} retry={() => void conv.refetch()}>
        {c && (
          <>
            <PageHeader
              title={conversationTitle(t, c)}
              actions={c.canEdit && (
                <>
                  <Link className="button" to={`/conversations/${c.id}/edit`}>{t('conversations.detail.edit')}</Link>
                  <ConfirmDialog
                    triggerLabel={t('conversations.detail.delete')}
                    triggerClassName="button--secondary"
                    title={t('conversations.detail.deleteTitle')}
                    confirmLabel={t('conversations.detail.deleteConfirm')}
                    destructive
                    onConfirm={async () => {
                      await deleteConversation(c.id);
                      navigate('/conversations', { state: { flash: t('conversations.detail.deleted') } });
                      queryClient.removeQueries({ queryKey: conversationKeys.one(c.id) });
                      await invalidateOrganising(queryClient);
                    }}
                  >
                    <p>{t('conversations.detail.deleteBody')}</p>
                  </ConfirmDialog>
                </>
              )}
            />
            <dl className="facts">
              {fact(t('conversations.detail.when'), formatDateTime(c.occurredAt))}
              {fact(t('conversations.detail.duration'), c.durationMinutes != null ? t('conversations.detail.minutes', { count: c.durationMinutes }) : null)}
              {fact(t('conversations.detail.outcome'), t(`conversations.outcomes.${c.outcome}`))}
              {fact(t('conversations.detail.people'), (
                <ul className="inline-list">{c.people.map((p) => <li key={p.id}>{p.name ? <Link to={`/people/${p.id}`}>{p.name}</Link> : t('conversations.someone')}</li>)}</ul>
              ))}
              {fact(t('conversations.detail.organisers'), c.organisers.map((o) => o.displayName).join(', '))}
              {fact(t('conversations.detail.unit'), c.unit.name)}
            </dl>
            <SensitiveParts conversation={c} />
            <section className="organising-section" aria-labelledby="conv-commitments-heading">
              <h2 id="conv-commitments-heading">{t('conversations.commitments.title')}</h2>
              <CommitmentItems items={c.commitments} canChange={c.canEdit} personName={c.people.length > 1 ? personOf : undefined} />
            </section>
            <section className="organising-section" aria-labelledby="conv-follow-ups-heading">
              <h2 id="conv-follow-ups-heading">{t('conversations.followUps.title')}</h2>
              <FollowUpItems items={c.followUps} canChange={c.canEdit} personName={c.people.length > 1 ? personOf : undefined} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
