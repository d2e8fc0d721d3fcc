import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conversation } from '../../../api/conversations.ts';
import { formatDateTime } from '../../../components/format.ts';

/** Conversations as cards, newest first: when, kind, outcome, who held it, issues raised and the self-interest note. */
export function ConversationCards({ items, empty }: { items: Conversation[]; empty: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="conversation-list">
      {items.map((c) => (
        <li key={c.id} className="conversation-card">
          <h4 className="conversation-card__title">
            <Link to={`/conversations/${c.id}`}>{t(`conversations.kinds.${c.kind}`)}, {formatDateTime(c.occurredAt)}</Link>
          </h4>
          <p className="muted">
            {t(`conversations.outcomes.${c.outcome}`)} · {c.organisers.map((o) => o.displayName).join(', ')}
            {c.durationMinutes != null && <> · {t('conversations.detail.minutes', { count: c.durationMinutes })}</>}
          </p>
          {(c.issues ?? []).length > 0 && (
            <ul className="tag-list" aria-label={t('conversations.detail.issues')}>
              {c.issues!.map((i) => <li key={i.issue.id} className="tag">{i.issue.label}</li>)}
            </ul>
          )}
          {c.notes?.selfInterest && <p className="prewrap">{c.notes.selfInterest}</p>}
        </li>
      ))}
    </ol>
  );
}
