import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ancestryOf, useUnit, useUnits } from './api.ts';
import { CreateUnitForm } from './CreateUnitForm.tsx';
import { EditUnitAreas } from './EditUnitAreas.tsx';
import './units.css';

/** /units/:id: one unit, the areas it covers and the units inside it; managers can add and edit. */
export function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const unit = useUnit(id);
  const list = useUnits();
  const { data: session } = useSession();
  const chain = list.data ? ancestryOf(list.data, id) : [];
  const self = chain[chain.length - 1];
  // The server decides; this only hides forms that would be refused.
  const canManage = !!session?.grants.some((g) => g.permissions.includes('units.manage') && chain.some((u) => u.id === g.unitId));
  const u = unit.data;
  return (
    <>
      <PageHeader title={u?.name ?? t('units.title')} lead={u ? t(`units.kinds.${u.kind}`) : undefined}>
        <Breadcrumbs items={[{ label: t('units.crumb'), to: '/units' }, ...chain.slice(0, -1).map((a) => ({ label: a.name, to: `/units/${a.id}` })), ...(u ? [{ label: u.name }] : [])]} />
      </PageHeader>
      <QueryState isLoading={unit.isLoading} error={unit.error} retry={() => void unit.refetch()}>
        {u && (
          <>
            <section aria-labelledby="unit-facts">
              <h2 id="unit-facts" className="visually-hidden">{t('units.facts')}</h2>
              <dl className="facts">
                <dt>{t('units.kind')}</dt><dd>{t(`units.kinds.${u.kind}`)}</dd>
                <dt>{t('units.code')}</dt><dd><code>{u.code}</code></dd>
                <dt>{t('units.people')}</dt>
                <dd>{self?.peopleCount === null || self === undefined ? <span className="muted">{t('units.notShown')}</span> : formatNumber(self.peopleCount)}</dd>
              </dl>
            </section>
            <section aria-labelledby="unit-areas" className="unit-section">
              <h2 id="unit-areas">{t('units.coveredAreas')}</h2>
              <DataTable
                caption={t('units.coveredAreas')}
                captionHidden
                rows={u.areas}
                rowKey={(a) => a.code}
                empty={t('units.noAreas')}
                columns={[
                  { key: 'name', header: t('units.area'), isRowHeader: true, cell: (a) => <Link to={`/areas/${a.code}`}>{a.name}</Link> },
                  { key: 'kind', header: t('units.areaKind'), cell: (a) => t(`units.areaKinds.${a.kind}`, { defaultValue: a.kind }) },
                  { key: 'code', header: t('units.onsCode'), cell: (a) => a.code },
                ]}
              />
              {canManage && (
                <section aria-labelledby="edit-areas-heading" className="unit-section">
                  <h3 id="edit-areas-heading">{t('units.editAreas.title')}</h3>
                  <EditUnitAreas key={u.id} unit={u} />
                </section>
              )}
            </section>
            <section aria-labelledby="unit-children" className="unit-section">
              <h2 id="unit-children">{t('units.children')}</h2>
              {u.children.length === 0 ? <p className="empty-state">{t('units.noChildren')}</p> : (
                <ul className="link-list">
                  {u.children.map((c) => (
                    <li key={c.id}><Link to={`/units/${c.id}`}>{c.name}<span className="muted">{t(`units.kinds.${c.kind}`, { defaultValue: c.kind })}</span></Link></li>
                  ))}
                </ul>
              )}
              {canManage && (
                <section aria-labelledby="create-unit-heading" className="unit-section">
                  <h3 id="create-unit-heading">{t('units.create.title')}</h3>
                  <CreateUnitForm key={u.id} parentId={u.id} />
                </section>
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
