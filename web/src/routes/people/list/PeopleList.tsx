import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePeopleCount } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { formatNumber } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { BulkActions } from './BulkActions.tsx';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PeopleResults } from './PeopleResults.tsx';
import { usePeopleFilter } from './usePeopleFilter.ts';
import '../people.css';

/** /people: search, filter and page through the people the caller can see, and act on them all. */
export function PeopleList() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { filter, setFilter } = usePeopleFilter();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const count = usePeopleCount(filter);
  const narrowed = !!(filter.unit || filter.area || filter.tag || filter.membership || filter.q);
  const may = (p: string) => hasPermission(session, p);
  const links = [
    { to: '/people/new', label: t('people.actions.new'), show: may('people.create') },
    { to: '/people/import', label: t('people.actions.import'), show: may('people.import') },
    { to: '/people/duplicates', label: t('people.actions.duplicates'), show: may('people.merge') },
    { to: '/people/tags', label: t('people.actions.tags'), show: may('tags.manage') },
    { to: '/people/fields', label: t('people.actions.fields'), show: may('fields.manage') },
  ].filter((l) => l.show);

  const countText = count.error ? t('people.list.countUnknown') : count.data === undefined ? t('common.loading') : t('people.list.count', { count: count.data, n: formatNumber(count.data) });
  const empty = narrowed ? (
    <><p>{t('people.list.noMatch')}</p><p><Link to="/people">{t('people.filters.clear')}</Link></p></>
  ) : (
    <><p>{t('people.list.none')}</p>{links.length > 0 && <p>{t('people.list.noneNext')}</p>}</>
  );

  return (
    <>
      <PageHeader
        title={t('people.list.title')}
        actions={links.length > 0 ? (
          <nav aria-label={t('people.actions.label')}>
            <ul className="people-actions">
              {links.map((l, i) => <li key={l.to}><Link className={`button${i === 0 ? '' : ' button--secondary'}`} to={l.to}>{l.label}</Link></li>)}
            </ul>
          </nav>
        ) : undefined}
      />
      {flash && <StatusMessage kind="ok">{flash}</StatusMessage>}
      <PeopleFilters filter={filter} onChange={setFilter} />
      <h2 className="people-count">{countText}</h2>
      <p role="status" className="visually-hidden">{countText}</p>
      <PeopleResults key={JSON.stringify(filter)} filter={filter} empty={empty} />
      {(count.data ?? 0) > 0 && <BulkActions filter={filter} />}
    </>
  );
}
