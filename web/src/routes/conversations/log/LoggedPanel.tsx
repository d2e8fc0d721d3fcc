import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conversation } from '../../../api/conversations.ts';
import { formatDateTime } from '../../../components/format.ts';

/** What a successful save shows: what was logged, and the next things people do ("log another", "view person"). */
export function LoggedPanel({ conversation: c, onAnother }: { conversation: Conversation; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);
  const names = c.people.map((p) => p.name ?? t('conversations.someone')).join(', ');
  const first = c.people[0];
  return (
    <div className="logged-panel notice notice--ok">
      <h1 ref={heading} tabIndex={-1}>{t('conversations.logged.title')}</h1>
      <p>{t('conversations.logged.body', { kind: t(`conversations.kinds.${c.kind}`), names, when: formatDateTime(c.occurredAt) })}</p>
      <ul className="logged-panel__facts">
        {c.commitments.length > 0 && <li>{t('conversations.logged.commitments', { count: c.commitments.length })}</li>}
        {c.followUps.length > 0 && <li>{t('conversations.logged.followUps', { count: c.followUps.length })}</li>}
        {(c.issues?.length ?? 0) > 0 && <li>{t('conversations.logged.issues', { count: c.issues!.length })}</li>}
      </ul>
      <div className="actions">
        <Button className="react-aria-Button" onPress={onAnother}>{t('conversations.logged.another')}</Button>
        {first && <Link className="button button--secondary" to={`/people/${first.id}`}>{t('conversations.logged.viewPerson', { name: first.name ?? t('conversations.someone') })}</Link>}
        <Link className="button button--secondary" to={`/conversations/${c.id}`}>{t('conversations.logged.viewConversation')}</Link>
      </div>
    </div>
  );
}
