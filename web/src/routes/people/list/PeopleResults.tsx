import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePeopleList, type PeopleFilter, type PersonSummary } from '../../../api/people.ts';
import { DataTable, type Column } from '../../../components/DataTable.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useCursorPager } from '../../../components/useCursorPager.ts';
import { personName } from '../personName.ts';
import { TagList } from '../TagList.tsx';

/**
 * One page of matching people: a table on wide screens and a list of cards on phones (CSS
 * shows one or the other; the hidden one is hidden from assistive technology too).
 */
export function PeopleResults({ filter, empty }: { filter: PeopleFilter; empty: ReactNode }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const list = usePeopleList(filter, pager.cursor);
  const cardsRef = useRef<HTMLUListElement>(null);
  // The paging button pressed can vanish on the first or last page; keep focus on the list.
  const turn = (fn: () => void) => () => { fn(); cardsRef.current?.focus(); };
  const rows = list.data?.items ?? [];
  const nameLink = (p: PersonSummary) => <Link to={`/people/${p.id}`}>{personName(p)}</Link>;
  const columns: Column<PersonSummary>[] = [
    { key: 'name', header: t('people.fields.name'), cell: nameLink, isRowHeader: true },
    { key: 'email', header: t('people.fields.email'), cell: (p) => p.primaryEmail ?? '', className: 'people-table__email' },
    { key: 'phone', header: t('people.fields.phone'), cell: (p) => p.primaryPhone ?? '' },
    { key: 'place', header: t('people.fields.place'), cell: (p) => [p.postcode, p.ward?.name].filter(Boolean).join(' · ') },
    { key: 'membership', header: t('people.fields.membershipStatus'), cell: (p) => t(`people.membership.${p.membershipStatus}`) },
    { key: 'tags', header: t('people.fields.tags'), cell: (p) => <TagList tags={p.tags} /> },
    { key: 'unit', header: t('people.fields.unit'), cell: (p) => p.unit.name },
  ];
  const paging = {
    hasPrevious: pager.hasPrevious,
    hasNext: !!list.data?.nextCursor,
    onPrevious: pager.previous,
    onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
    page: pager.page,
    isLoading: list.isFetching,
  };
  return (
    <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
      <div className="people-results--wide">
        <DataTable caption={t('people.list.caption')} captionHidden columns={columns} rows={rows} rowKey={(p) => p.id} empty={empty} pager={paging} />
      </div>
      <div className="people-results--narrow">
        {rows.length === 0 && !pager.hasPrevious ? (
          <div className="empty-state">{empty}</div>
        ) : (
          <ul className="person-cards" aria-label={t('people.list.caption')} ref={cardsRef} tabIndex={-1}>
            {rows.map((p) => (
              <li key={p.id} className="card person-card">
                <h3>{nameLink(p)}</h3>
                <dl className="person-card__facts">
                  {p.primaryEmail && <div><dt>{t('people.fields.email')}</dt><dd>{p.primaryEmail}</dd></div>}
                  {p.primaryPhone && <div><dt>{t('people.fields.phone')}</dt><dd>{p.primaryPhone}</dd></div>}
                  {(p.postcode || p.ward) && <div><dt>{t('people.fields.place')}</dt><dd>{[p.postcode, p.ward?.name].filter(Boolean).join(' · ')}</dd></div>}
                  <div><dt>{t('people.fields.membershipStatus')}</dt><dd>{t(`people.membership.${p.membershipStatus}`)}</dd></div>
                </dl>
                {p.tags.length > 0 && <TagList tags={p.tags} label={t('people.fields.tagsOf', { name: personName(p) })} />}
              </li>
            ))}
          </ul>
        )}
        {(paging.hasPrevious || paging.hasNext) && (
          <nav className="actions pager" aria-label={t('people.list.pages')}>
            {paging.hasPrevious && <button type="button" className="button--secondary" onClick={turn(pager.previous)} disabled={list.isFetching}>{t('common.previous')}</button>}
            <span className="muted">{t('common.page', { page: pager.page })}</span>
            {paging.hasNext && <button type="button" className="button--secondary" onClick={turn(paging.onNext)} disabled={list.isFetching}>{t('common.next')}</button>}
          </nav>
        )}
      </div>
    </QueryState>
  );
}
