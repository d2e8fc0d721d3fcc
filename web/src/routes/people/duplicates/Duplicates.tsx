import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDuplicates, type DuplicateGroup } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useCursorPager } from '../../../components/useCursorPager.ts';
import { NotAllowed } from '../NotAllowed.tsx';
import { personName } from '../personName.ts';
import '../people.css';

function GroupCard({ group, n }: { group: DuplicateGroup; n: number }) {
  const { t } = useTranslation();
  const headingId = `dup-${n}`;
  const ids = group.people.map((p) => p.id).join(',');
  return (
    <li className="card duplicate-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="duplicate-group__title">
        {t(`peopleTools.duplicates.reasons.${group.reason}`, { key: group.key })}
      </h2>
      <p className={`badge badge--${group.strength}`}>{t(`peopleTools.duplicates.strength.${group.strength}`)}</p>
      <ul className="duplicate-group__people">
        {group.people.map((p) => (
          <li key={p.id}>
            <Link to={`/people/${p.id}`}>{personName(p)}</Link>
            <span className="muted"> · {[p.primaryEmail, p.primaryPhone, p.postcode, p.unit.name].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
      <p><Link className="button button--secondary" to={`/people/duplicates/merge?ids=${ids}`} aria-label={t('peopleTools.duplicates.compareNamed', { names: group.people.map(personName).join(', ') })}>{t('peopleTools.duplicates.compare')}</Link></p>
    </li>
  );
}

/** /people/duplicates: groups of records that are probably one person, each with a way to merge them. */
export function Duplicates() {
  const { t } = useTranslation();
  const location = useLocation();
  const pager = useCursorPager();
  const { data: session } = useSession();
  const allowed = hasPermission(session, 'people.merge');
  const groups = useDuplicates(pager.cursor, allowed);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const items = groups.data?.items ?? [];
  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('peopleTools.duplicates.title') }]} />
      <PageHeader title={t('peopleTools.duplicates.title')} lead={t('peopleTools.duplicates.lead')} />
      {flash && <StatusMessage kind="ok">{flash}</StatusMessage>}
      {!allowed ? <NotAllowed /> : <QueryState isLoading={groups.isLoading} error={groups.error} retry={() => void groups.refetch()}>
        {items.length === 0 && !pager.hasPrevious ? (
          <div className="empty-state"><p>{t('peopleTools.duplicates.none')}</p></div>
        ) : (
          <ul className="duplicate-groups">
            {items.map((g, i) => <GroupCard key={`${g.reason}-${g.key}`} group={g} n={(pager.page - 1) * 20 + i} />)}
          </ul>
        )}
        {(pager.hasPrevious || groups.data?.nextCursor) && (
          <nav className="actions pager" aria-label={t('peopleTools.duplicates.pages')}>
            {pager.hasPrevious && <button type="button" className="button--secondary" onClick={pager.previous}>{t('common.previous')}</button>}
            <span className="muted">{t('common.page', { page: pager.page })}</span>
            {groups.data?.nextCursor && <button type="button" className="button--secondary" onClick={() => pager.next(groups.data!.nextCursor!)}>{t('common.next')}</button>}
          </nav>
        )}
      </QueryState>}
    </>
  );
}
