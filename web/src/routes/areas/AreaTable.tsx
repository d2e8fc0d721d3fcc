import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useCursorPager } from '../../components/useCursorPager.ts';
import { useAreaList, type AreaQuery } from './api.ts';

/**
 * One paged list of areas with next/previous. Give it a `key` that changes with the query so
 * paging starts again from the first page.
 */
export function AreaTable({ query, caption, captionHidden, empty, showSets }: { query: Omit<AreaQuery, 'cursor'>; caption: string; captionHidden?: boolean; empty: string; showSets?: boolean }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const list = useAreaList({ limit: 50, ...query, cursor: pager.cursor });
  const page = list.data;
  return (
    <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
      {page && (
        <DataTable
          caption={caption}
          captionHidden={captionHidden}
          rows={page.items}
          rowKey={(a) => a.code}
          empty={empty}
          columns={[
            { key: 'name', header: t('units.geo.name'), isRowHeader: true, cell: (a) => <Link to={`/areas/${a.code}`}>{a.name}</Link> },
            { key: 'kind', header: t('units.geo.kind'), cell: (a) => t(`units.areaKinds.${a.kind}`, { defaultValue: a.kind }) },
            { key: 'code', header: t('units.geo.code'), cell: (a) => a.code },
            ...(showSets ? [{ key: 'sets', header: t('units.geo.sets'), cell: (a: { boundarySets: string[] }) => a.boundarySets.join(', ') }] : []),
          ]}
          pager={{
            hasPrevious: pager.hasPrevious,
            hasNext: !!page.nextCursor,
            onPrevious: pager.previous,
            onNext: () => page.nextCursor && pager.next(page.nextCursor),
            page: pager.page,
            isLoading: list.isFetching,
          }}
        />
      )}
    </QueryState>
  );
}
