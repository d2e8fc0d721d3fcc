import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useTargetList } from './api.ts';
import { Attribution } from './Attribution.tsx';
import { CsvButton } from './CsvButton.tsx';
import { ElectionsNav } from './ElectionsNav.tsx';
import { count, partyLabel, pct } from './format.ts';
import './elections.css';

/** /elections/targets/:id: one unit's target list with each seat's figures. */
export function TargetListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useTargetList(id);
  const { data: session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api(`/elections/target-lists/${id}`, { method: 'DELETE' }),
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['target-lists'] }); navigate('/elections/targets'); },
  });
  const canManage = !!session?.grants.some((g) => g.permissions.includes('targets.manage'));
  const l = list.data;
  return (
    <>
      <PageHeader title={l ? l.name : t('elections.targets.title')} lead={l ? t('elections.targets.detailLead', { unit: l.unitName, election: l.election, count: l.seatCount }) : undefined} />
      <ElectionsNav />
      <QueryState isLoading={list.isLoading} error={list.error}>
        {l && (
          <>
            {Object.keys(l.basis).length > 0 && <p className="muted">{Object.values(l.basis).join(' · ')}</p>}
            <DataTable
              caption={t('elections.targets.seatsCaption', { name: l.name })}
              rows={l.seats}
              rowKey={(s) => s.code}
              columns={[
                { key: 'position', header: '#', cell: (s) => s.position, className: 'num' },
                { key: 'name', header: t('elections.seat'), cell: (s) => s.name, isRowHeader: true },
                { key: 'region', header: t('elections.region'), cell: (s) => s.regionName },
                { key: 'winner', header: t('elections.winner'), cell: (s) => partyLabel(t, s.winner) },
                { key: 'runnerUp', header: t('elections.runnerUp'), cell: (s) => partyLabel(t, s.runnerUp) },
                { key: 'majority', header: t('elections.majority'), cell: (s) => count(s.majority), className: 'num' },
                { key: 'majorityPct', header: t('elections.majorityPct'), cell: (s) => pct(s.majorityPct), className: 'num' },
              ]}
            />
            <div className="actions">
              <CsvButton what={l.name} fileName={`target-list-${l.election}.csv`} rows={() => [
                ['position', 'code', 'name', 'region', 'winner', 'runner_up', 'majority', 'majority_pct', 'swing_to_flip_pts'],
                ...l.seats.map((s) => [s.position, s.code, s.name, s.regionName, s.winner, s.runnerUp, s.majority, s.majorityPct, s.swingToFlipPts]),
              ]} />
              {canManage && <Button className="react-aria-Button button--secondary" onPress={() => remove.mutate()} isDisabled={remove.isPending}>{t('elections.targets.delete')}</Button>}
            </div>
            {remove.error && <p role="alert" className="notice notice--error">{remove.error.message}</p>}
          </>
        )}
      </QueryState>
      <Attribution />
    </>
  );
}
