import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deleteRelationship, organisingKeys, useRelationships } from '../../api/organising.ts';
import { describeLink } from './describeLink.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';

const name = (p: { firstName: string; lastName: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/** A person's links, each removable (with confirmation) by those who may change people. */
export function RelationshipList({ personId, name: personName, canChange }: { personId: string; name: string; canChange: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useRelationships(personId);
  return (
    <section className="organising-section" aria-labelledby="rel-list-heading">
      <h2 id="rel-list-heading">{t('organising.relationships.listTitle')}</h2>
      <QueryState isLoading={list.isLoading} error={list.error}>
        {(list.data?.items ?? []).length === 0 ? <p className="muted">{t('organising.relationships.none', { name: personName })}</p> : (
          <ul className="item-list">
            {list.data!.items.map((r) => {
              const { other, text } = describeLink(t, r, personId);
              return (
                <li key={r.id}>
                  <span className="item-list__text"><Link to={`/people/${other.id}`}>{name(other)}</Link>: {text}</span>
                  {canChange && (
                    <ConfirmDialog
                      triggerLabel={t('common.remove')}
                      triggerAriaLabel={t('organising.relationships.removeNamed', { name: name(other) })}
                      triggerClassName="button--secondary button--small"
                      title={t('organising.relationships.removeTitle')}
                      confirmLabel={t('organising.relationships.removeConfirm')}
                      destructive
                      onConfirm={() => deleteRelationship(r.id)}
                      onDone={() => void queryClient.invalidateQueries({ queryKey: organisingKeys.all })}
                    >
                      <p>{t('organising.relationships.removeBody', { a: personName, b: name(other) })}</p>
                    </ConfirmDialog>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
