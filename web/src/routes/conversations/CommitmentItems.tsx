import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { invalidateOrganising, markCommitment, type Commitment, type CommitmentAnswer, type CommitmentStatus } from '../../api/conversations.ts';
import { formatDate } from '../../components/format.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import './conversations.css';

/** What was asked, in words ("Attend", or the custom text). */
export function askText(t: (k: string) => string, c: Pick<Commitment, 'ask' | 'customText'>): string {
  return c.ask === 'custom' && c.customText ? c.customText : t(`conversations.asks.${c.ask}`);
}

/**
 * Commitments with one-tap actions: record the answer when it is awaited, mark a yes or maybe
 * kept or broken, or reopen. On lists that span people, `personName` names each one's person
 * (linked to their page and used in button labels).
 */
export function CommitmentItems({ items, canChange, personName, empty }: { items: Commitment[]; canChange: boolean; personName?: (personId: string) => string | undefined; empty?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function change(c: Commitment, body: { status?: CommitmentStatus; answer?: CommitmentAnswer }, done: string) {
    setBusy(c.id);
    try {
      await markCommitment(c.id, body);
      setMessage({ kind: 'ok', text: done });
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
      {items.length === 0 ? <p className="muted">{empty ?? t('conversations.commitments.empty')}</p> : (
        <ul className="item-list">
          {sortCommitments(items).map((c) => {
            const who = personName?.(c.personId);
            const ask = who ? t('conversations.commitments.subject', { name: who, ask: askText(t, c) }) : askText(t, c);
            const markable = c.answer === 'yes' || c.answer === 'maybe';
            return (
              <li key={c.id}>
                <span className="item-list__text">
                  {personName && <><Link to={`/people/${c.personId}`}>{who ?? t('common.loading')}</Link>: </>}
                  {t('conversations.commitments.line', { ask: askText(t, c), answer: t(`conversations.answers.${c.answer}`) })}
                  <span className="muted"> · {t('conversations.commitments.asked', { date: formatDate(c.askedAt) })}</span>
                  {c.dueOn && <span className="muted"> · {t('conversations.commitments.due', { date: formatDate(c.dueOn) })}</span>}
                  {' '}{c.status !== 'open' && <span className={`status status--${c.status}`}>{t(`conversations.statuses.${c.status}`)}</span>}
                </span>
                {canChange && (
                  <span className="row-actions">
                    {c.answer === 'awaiting' && (['yes', 'maybe', 'no'] as const).map((a) => (
                      <Button key={a} className="react-aria-Button button--secondary button--small" isDisabled={busy === c.id}
                        aria-label={`${ask}: ${t(`conversations.answers.${a}`)}`}
                        onPress={() => change(c, { answer: a }, `${ask}: ${t(`conversations.answers.${a}`)}`)}>
                        {t(`conversations.answers.${a}`)}
                      </Button>
                    ))}
                    {markable && c.status === 'open' && (
                      <>
                        <Button className="react-aria-Button button--small" isDisabled={busy === c.id} aria-label={t('conversations.commitments.markKeptNamed', { ask })}
                          onPress={() => change(c, { status: 'kept' }, t('conversations.commitments.marked', { ask, status: t('conversations.statuses.kept') }))}>
                          {t('conversations.commitments.markKept')}
                        </Button>
                        <Button className="react-aria-Button button--secondary button--small" isDisabled={busy === c.id} aria-label={t('conversations.commitments.markBrokenNamed', { ask })}
                          onPress={() => change(c, { status: 'broken' }, t('conversations.commitments.marked', { ask, status: t('conversations.statuses.broken') }))}>
                          {t('conversations.commitments.markBroken')}
                        </Button>
                      </>
                    )}
                    {c.status !== 'open' && (
                      <Button className="react-aria-Button button--link" isDisabled={busy === c.id} aria-label={t('conversations.commitments.undoNamed', { ask })}
                        onPress={() => change(c, { status: 'open' }, t('conversations.commitments.marked', { ask, status: t('conversations.statuses.open') }))}>
                        {t('conversations.commitments.undo')}
                      </Button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Open commitments first (soonest due first), then the ones already marked, newest first. */
function sortCommitments(items: Commitment[]): Commitment[] {
  const open = items.filter((c) => c.status === 'open').sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || b.askedAt.localeCompare(a.askedAt));
  const marked = items.filter((c) => c.status !== 'open').sort((a, b) => (b.markedAt ?? '').localeCompare(a.markedAt ?? ''));
  return [...open, ...marked];
}
