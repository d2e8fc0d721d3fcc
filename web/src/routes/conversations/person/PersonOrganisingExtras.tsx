import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePersonLadder, useRelationships } from '../../../api/organising.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { describeLink } from '../../organising/describeLink.ts';
import { ManualLevel } from './ManualLevel.tsx';

const name = (p: { firstName: string; lastName: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/** Ladder level with the next step to offer, progress towards the next level, and relationships. */
export function PersonOrganisingExtras({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const ladder = usePersonLadder(personId);
  const rels = useRelationships(personId);
  const l = ladder.data;
  return (
    <>
      <h3>{t('organising.person.ladder')}</h3>
      <QueryState isLoading={ladder.isLoading} error={ladder.error}>
        {l && (
          <>
            <p>
              <strong>{l.level ? l.level.label : t('organising.ladder.noLevel')}</strong>
              {l.manual && <span className="muted"> {t('organising.person.manual', { by: l.manual.by?.displayName ?? '', reason: l.manual.reason ?? '' })}</span>}
            </p>
            {l.nextStep.offer && <p>{t('organising.person.nextStep', { offer: l.nextStep.offer })}</p>}
            {l.nextStep.nextLevel && (
              <>
                <p className="muted">{t('organising.person.towards', { level: l.nextStep.nextLevel.label })}</p>
                <ul className="item-list">
                  {l.nextStep.progress.map((p, i) => (
                    <li key={i}>
                      <span className="item-list__text">
                        {t(`organising.metrics.${p.metric}`)}: {t('organising.person.progress', { have: p.have, need: p.atLeast })}
                        {p.withinDays != null && <span className="muted"> {t('organising.person.within', { count: p.withinDays })}</span>}
                      </span>
                      <span className={p.met ? 'status status--kept' : 'status'}>{p.met ? t('organising.person.met') : t('organising.person.notMet')}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {hasPermission(session, 'ladder.manage') && <ManualLevel personId={personId} ladder={l} />}
          </>
        )}
      </QueryState>
      <h3>{t('organising.person.relationships')}</h3>
      <QueryState isLoading={rels.isLoading} error={rels.error}>
        {(rels.data?.items ?? []).length === 0 ? <p className="muted">{t('organising.person.noRelationships')}</p> : (
          <ul className="item-list">
            {rels.data!.items.slice(0, 10).map((r) => {
              const { other, text } = describeLink(t, r, personId);
              return <li key={r.id}><span className="item-list__text"><Link to={`/people/${other.id}`}>{name(other)}</Link>: {text}</span></li>;
            })}
          </ul>
        )}
        <p><Link to={`/organising/relationships/${personId}`}>{t('organising.person.allRelationships')}</Link></p>
      </QueryState>
    </>
  );
}
