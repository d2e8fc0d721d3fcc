import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useUnits } from './api.ts';
import { UnitTree } from './UnitTree.tsx';
import './units.css';

/** /units: the organisation tree the caller can see. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <>
      <PageHeader title={t('units.title')} lead={t('units.lead')} actions={<Link to="/areas" className="button button--secondary">{t('units.browseAreas')}</Link>} />
      <QueryState isLoading={units.isLoading} error={units.error} retry={() => void units.refetch()}>
        {units.data && units.data.length === 0 ? <p className="empty-state">{t('units.empty')}</p> : units.data && (
          <>
            <p id="unit-tree-hint" className="muted">{t('units.treeHint')}</p>
            <UnitTree units={units.data} label={t('units.treeLabel')} />
          </>
        )}
      </QueryState>
    </>
  );
}
