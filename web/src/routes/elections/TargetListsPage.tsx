import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useTargetLists } from './api.ts';
import { Attribution } from './Attribution.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import './elections.css';

/** /elections/targets: the saved target lists of the units I can see. */
export function TargetListsPage() {
  const { t } = useTranslation();
  const lists = useTargetLists();
  return (
    <>
      <PageHeader title={t('elections.targets.title')} lead={t('elections.targets.lead')} />
      <ElectionsNav />
      <QueryState isLoading={lists.isLoading} error={lists.error}>
        <DataTable
          caption={t('elections.targets.caption')}
          rows={lists.data?.items ?? []}
          rowKey={(l) => l.id}
          empty={t('elections.targets.empty')}
          columns={[
            { key: 'name', header: t('elections.targets.name'), cell: (l) => <Link to={`/elections/targets/${l.id}`}>{l.name}</Link>, isRowHeader: true },
            { key: 'unit', header: t('elections.targets.unit'), cell: (l) => l.unitName },
            { key: 'election', header: t('elections.election'), cell: (l) => l.election },
            { key: 'seats', header: t('elections.seats'), cell: (l) => l.seatCount, className: 'num' },
            { key: 'created', header: t('elections.targets.created'), cell: (l) => formatDate(l.createdAt) },
          ]}
        />
      </QueryState>
      <Attribution />
    </>
  );
}
