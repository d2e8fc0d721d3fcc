import { useEffect, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useCursorPager } from '../../components/useCursorPager.ts';
import { unitsWithPermission } from '../admin/unitsWithPermission.ts';
import { useUnits } from '../units/api.ts';
import { actionLabel } from './actionLabel.ts';
import { auditFilterKeys, useAuditLog, type AuditFilter, type AuditItem } from './api.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { ChainCheck } from './ChainCheck.tsx';
import { ChangesList } from './ChangesList.tsx';
import './audit.css';

/** /audit: the audit log of my units, filtered through the address so a view can be shared or bookmarked. */
export function AuditPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const unitsQuery = useUnits();
  const units = useMemo(() => unitsWithPermission(unitsQuery.data ?? [], session, 'audit.read'), [unitsQuery.data, session]);
  const filter = useMemo(() => {
    const f: AuditFilter = {};
    for (const key of auditFilterKeys) { const v = params.get(key); if (v) f[key] = v; }
    return f;
  }, [params]);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => reset(), [filter, reset]);
  const log = useAuditLog(filter, pager.cursor);

  const apply = (f: AuditFilter) => {
    const next = new URLSearchParams();
    for (const key of auditFilterKeys) if (f[key]) next.set(key, f[key]!);
    setParams(next);
  };
  const actorName = filter.actor ? log.data?.items.find((i) => i.actor?.id === filter.actor)?.actor?.displayName ?? filter.actor : null;

  if (!hasPermission(session, 'audit.read')) {
    return (<><PageHeader title={t('audit.title')} /><p className="notice">{t('audit.noAccess')}</p></>);
  }
  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      {/* Re-mount the form when the address changes, so it always shows the filters in force. */}
      <AuditFilters key={params.toString()} value={filter} units={units} onApply={apply} />
      {actorName && (
        <p className="actions">
          <span>{t('audit.filters.actor', { name: actorName })}</span>
          <Button className="react-aria-Button button--secondary" onPress={() => apply({ ...filter, actor: undefined })}>{t('audit.filters.clearActor')}</Button>
        </p>
      )}
      <QueryState isLoading={log.isLoading} error={log.error} retry={() => void log.refetch()}>
        {log.data && (
          <DataTable<AuditItem>
            caption={t('audit.table.caption')}
            rows={log.data.items}
            rowKey={(r) => r.id}
            empty={t('audit.table.empty')}
            pager={{ hasPrevious: pager.hasPrevious, hasNext: !!log.data.nextCursor, onPrevious: pager.previous, onNext: () => pager.next(log.data!.nextCursor!), page: pager.page, isLoading: log.isFetching }}
            columns={[
              { key: 'when', header: t('audit.table.when'), cell: (r) => <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>, className: 'audit-when' },
              { key: 'action', header: t('audit.table.action'), isRowHeader: true, cell: (r) => actionLabel(t, r.action) },
              {
                key: 'who',
                header: t('audit.table.who'),
                cell: (r) => (r.actor ? (
                  <Button
                    className="button--link audit-who"
                    aria-label={t('audit.table.filterByActor', { name: r.actor.displayName ?? r.actor.id })}
                    onPress={() => apply({ ...filter, actor: r.actor!.id })}
                  >
                    {r.actor.displayName ?? r.actor.id}
                  </Button>
                ) : <span className="muted">{t('audit.table.system')}</span>),
              },
              { key: 'what', header: t('audit.table.what'), cell: (r) => (<><span>{r.entityType}</span>{r.entityId && <><br /><code className="audit-id">{r.entityId}</code></>}</>) },
              { key: 'where', header: t('audit.table.where'), cell: (r) => r.unitName ?? '' },
              { key: 'changes', header: t('audit.table.changes'), cell: (r) => <ChangesList changes={r.changes} /> },
            ]}
          />
        )}
      </QueryState>
      <ChainCheck />
    </>
  );
}
