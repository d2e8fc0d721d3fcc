import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useArea, useAreaList, type AreaDetail, type AreaKind } from './api.ts';
import { AreaTable } from './AreaTable.tsx';

/** /areas/:code: one area, where it sits (breadcrumbs) and the areas inside it. */
export function AreaPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const area = useArea(code);
  const a = area.data;
  return (
    <>
      <PageHeader title={a?.name ?? t('units.geo.title')} lead={a ? t(`units.areaKinds.${a.kind}`, { defaultValue: a.kind }) : undefined}>
        <Breadcrumbs items={[{ label: t('units.geo.title'), to: '/areas' }, ...(a ? [...a.ancestors.map((x) => ({ label: x.name, to: `/areas/${x.code}` })), { label: a.name }] : [])]} />
      </PageHeader>
      <QueryState isLoading={area.isLoading} error={area.error} retry={() => void area.refetch()}>
        {a && (
          <>
            <h2 className="visually-hidden">{t('units.geo.facts')}</h2>
            <dl className="facts">
              <dt>{t('units.geo.kind')}</dt><dd>{t(`units.areaKinds.${a.kind}`, { defaultValue: a.kind })}</dd>
              <dt>{t('units.geo.code')}</dt><dd><code>{a.code}</code></dd>
              {a.boundarySets.length > 0 && <><dt>{t('units.geo.sets')}</dt><dd>{a.boundarySets.join(', ')}</dd></>}
              <dt>{t('units.geo.inside')}</dt><dd>{t('units.geo.childCount', { count: a.childCount, n: formatNumber(a.childCount) })}</dd>
            </dl>
            <ChildAreas key={a.code} area={a} />
          </>
        )}
      </QueryState>
    </>
  );
}

// Which kinds of area sit directly inside each kind (wards hang off constituencies, not councils).
const childKinds: Record<AreaKind, AreaKind[]> = {
  country: ['nation'],
  nation: ['region', 'constituency', 'local_authority'],
  region: ['constituency', 'local_authority'],
  constituency: ['ward'],
  local_authority: [],
  ward: [],
};

function ChildAreas({ area }: { area: AreaDetail }) {
  const { t } = useTranslation();
  if (area.childCount === 0) return <p className="empty-state">{t('units.geo.noChildren')}</p>;
  return <>{childKinds[area.kind].map((kind) => <ChildGroup key={kind} area={area} kind={kind} />)}</>;
}

/** The areas of one kind inside `area`; nothing at all when there are none. */
function ChildGroup({ area, kind }: { area: AreaDetail; kind: AreaKind }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const set = params.get('boundaries') === '2010' ? '2010' : '2024';
  const probe = useAreaList({ parent: area.code, kind, limit: 1 });
  if (!probe.data || probe.data.items.length === 0) return null;
  const isSeats = kind === 'constituency';
  const heading = t(`units.geo.groups.${kind}`, { name: area.name });
  const id = `area-children-${kind}`;
  return (
    <section aria-labelledby={id} className="area-group">
      <h2 id={id}>{heading}</h2>
      {isSeats && (
        <SelectField
          label={t('units.geo.boundarySet')}
          hint={t('units.geo.boundaryHint')}
          options={[{ id: '2024', label: t('units.geo.set2024') }, { id: '2010', label: t('units.geo.set2010') }]}
          value={set}
          onChange={(v) => setParams(v === '2010' ? { boundaries: '2010' } : {}, { replace: true })}
        />
      )}
      <AreaTable
        key={isSeats ? set : 'all'}
        query={{ parent: area.code, kind, boundarySet: isSeats ? set : undefined }}
        caption={heading}
        captionHidden
        empty={isSeats ? t('units.geo.noChildrenInSet') : t('units.geo.noChildren')}
        showSets={isSeats}
      />
    </section>
  );
}
