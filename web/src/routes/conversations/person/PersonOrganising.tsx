import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchTimelinePage, usePersonTimeline, type Conversation } from '../../../api/conversations.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { CommitmentItems } from '../CommitmentItems.tsx';
import { FollowUpItems } from '../FollowUpItems.tsx';
import { AssessmentHistory } from './AssessmentHistory.tsx';
import { ConversationCards } from './ConversationCards.tsx';
import { PersonOrganisingExtras } from './PersonOrganisingExtras.tsx';
import '../conversations.css';

/**
 * The organising part of a person's page: ladder level and next step, relationships, the
 * timeline of conversations, assessments over time, commitments (kept or broken in one tap)
 * and follow-ups.
 */
export function PersonOrganising({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const timeline = usePersonTimeline(personId);
  const [older, setOlder] = useState<{ items: Conversation[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const data = timeline.data;
  const name = data ? [data.person.firstName, data.person.lastName].filter(Boolean).join(' ') : '';
  const canLog = hasPermission(session, 'conversations.log');
  const cursor = older ? older.cursor : data?.conversations.nextCursor ?? null;

  async function more() {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchTimelinePage(personId, cursor);
      setOlder((o) => ({ items: [...(o?.items ?? []), ...page.conversations.items], cursor: page.conversations.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section className="organising-section person-organising" aria-labelledby="organising-heading">
      <div className="page-header__row">
        <h2 id="organising-heading">{t('conversations.person.title')}</h2>
        {canLog && <Link className="button" to={`/conversations/new?person=${personId}`}>{t('conversations.person.log')}</Link>}
      </div>
      <QueryState isLoading={timeline.isLoading} error={timeline.error} retry={() => void timeline.refetch()}>
        {data && (
          <>
            <PersonOrganisingExtras personId={personId} />
            <h3>{t('conversations.commitments.title')}</h3>
            <CommitmentItems items={data.commitments} canChange={canLog} />
            <h3>{t('conversations.followUps.title')}</h3>
            <FollowUpItems items={data.followUps} canChange={canLog} />
            <h3>{t('conversations.person.timeline')}</h3>
            <ConversationCards items={[...data.conversations.items, ...(older?.items ?? [])]} empty={t('conversations.person.timelineEmpty')} />
            {cursor && (
              <Button className="react-aria-Button button--secondary" onPress={more} isDisabled={loadingMore}>{loadingMore ? t('common.loading') : t('conversations.person.more')}</Button>
            )}
            <h3>{t('conversations.person.assessments')}</h3>
            <AssessmentHistory items={data.assessments} name={name} />
          </>
        )}
      </QueryState>
    </section>
  );
}
