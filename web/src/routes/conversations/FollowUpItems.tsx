import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { invalidateOrganising, updateFollowUp, type FollowUp } from '../../api/conversations.ts';
import { formatDate } from '../../components/format.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { localDate } from './log/formState.ts';
import './conversations.css';

/**
 * Follow-ups, open ones soonest first, each marked done (or not) with one tap. On lists that span
 * people, `personName` names each one's person (linked to their page and used in button labels).
 */
export function FollowUpItems({ items, canChange, personName, showAssignee = true, empty }: { items: FollowUp[]; canChange: boolean; personName?: (personId: string) => string | undefined; showAssignee?: boolean; empty?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const today = localDate(0);

  async function mark(f: FollowUp, done: boolean) {
    setBusy(f.id);
    try {
      await updateFollowUp(f.id, { done });
      setMessage({ kind: 'ok', text: done ? t('conversations.followUps.marked') : t('conversations.followUps.reopened') });
      await invalidateOrganising(queryClient);
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.error') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      {items.length === 0 ? <p className="muted">{empty ?? t('conversations.followUps.empty')}</p> : (
        <ul className="item-list">
          {[...items.filter((f) => !f.done), ...items.filter((f) => f.done).reverse()].map((f) => {
            const date = formatDate(f.dueOn);
            const who = personName?.(f.personId);
            const subject = who ? t('conversations.followUps.subject', { name: who, date }) : date;
            return (
              <li key={f.id}>
                <span className="item-list__text">
                  {personName && <><Link to={`/people/${f.personId}`}>{who ?? t('common.loading')}</Link>: </>}
                  {t('conversations.followUps.dueLine', { date })}
                  {f.reason && <> — {f.reason}</>}
                  {showAssignee && f.assignee.displayName && <span className="muted"> {t('conversations.followUps.assignedTo', { name: f.assignee.displayName })}</span>}
                  {' '}{!f.done && f.dueOn < today && <span className="status status--overdue">{t('conversations.followUps.overdue')}</span>}
                  {f.done && <span className="status status--kept">{t('conversations.followUps.doneOn', { date: formatDate(f.doneAt) })}</span>}
                </span>
                {canChange && (
                  f.done ? (
                    <Button className="react-aria-Button button--link" isDisabled={busy === f.id} aria-label={t('conversations.followUps.reopenNamed', { date: subject })} onPress={() => mark(f, false)}>
                      {t('conversations.followUps.reopen')}
                    </Button>
                  ) : (
                    <Button className="react-aria-Button button--small" isDisabled={busy === f.id} aria-label={t('conversations.followUps.markDoneNamed', { date: subject })} onPress={() => mark(f, true)}>
                      {t('conversations.followUps.markDone')}
                    </Button>
                  )
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
