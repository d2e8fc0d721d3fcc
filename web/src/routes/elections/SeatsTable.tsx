import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import type { Seat } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { count, partyLabel, pct } from './format.ts';

/** Seats with majority, runner-up and the swing that flips them, plus CSV. */
export function SeatsTable({ seats, caption, fileName, challenger }: { seats: Seat[]; caption: string; fileName: string; challenger?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DataTable
        caption={caption}
        rows={seats}
        rowKey={(s) => s.code}
        empty={t('elections.seatsPage.none')}
        columns={[
          { key: 'rank', header: '#', cell: (s) => s.rank, className: 'num' },
          { key: 'name', header: t('elections.seat'), cell: (s) => s.name, isRowHeader: true },
          { key: 'region', header: t('elections.region'), cell: (s) => s.regionName },
          { key: 'winner', header: t('elections.winner'), cell: (s) => partyLabel(t, s.winner) },
          { key: 'runnerUp', header: t('elections.runnerUp'), cell: (s) => partyLabel(t, s.runnerUp) },
          { key: 'majority', header: t('elections.majority'), cell: (s) => count(s.majority), className: 'num' },
          { key: 'majorityPct', header: t('elections.majorityPct'), cell: (s) => pct(s.majorityPct), className: 'num' },
          {
            key: 'swing', className: 'num',
            header: challenger ? t('elections.swingNeeded', { party: partyLabel(t, challenger) }) : t('elections.swingToFlip'),
            cell: (s) => pct(s.challengerSwingPts ?? s.swingToFlipPts),
          },
        ]}
      />
      <div className="actions">
        <CsvButton
          what={caption}
          fileName={fileName}
          rows={() => [
            ['rank', 'code', 'name', 'region', 'winner', 'runner_up', 'majority', 'majority_pct', 'swing_to_flip_pts', 'challenger_swing_pts', 'turnout_pct'],
            ...seats.map((s) => [s.rank, s.code, s.name, s.regionName, s.winner, s.runnerUp, s.majority, s.majorityPct, s.swingToFlipPts, s.challengerSwingPts, s.turnoutPct]),
          ]}
        />
      </div>
    </>
  );
}
