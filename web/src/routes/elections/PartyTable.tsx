import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import type { Summary } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { count, partyLabel, pct, signed } from './format.ts';

/** Every party in one area: votes, share, change, seats and change in seats. */
export function PartyTable({ summary, caption, fileName }: { summary: Summary; caption: string; fileName: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DataTable
        caption={caption}
        rows={summary.parties}
        rowKey={(p) => p.party}
        columns={[
          { key: 'party', header: t('elections.party'), cell: (p) => partyLabel(t, p.party), isRowHeader: true },
          { key: 'votes', header: t('elections.votes'), cell: (p) => count(p.votes), className: 'num' },
          { key: 'share', header: t('elections.share'), cell: (p) => pct(p.sharePct), className: 'num' },
          { key: 'change', header: t('elections.change'), cell: (p) => signed(p.changePts), className: 'num' },
          { key: 'seats', header: t('elections.seatsWon'), cell: (p) => (p.party === 'Other' ? '–' : count(p.seats)), className: 'num' },
          { key: 'seatChange', header: t('elections.seatChange'), cell: (p) => (p.seatChange === null ? '–' : signed(p.seatChange).replace(/\.0$/, '')), className: 'num' },
        ]}
      />
      {summary.notes.length > 0 && <ul className="muted">{summary.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <div className="actions">
        <CsvButton
          what={caption}
          fileName={fileName}
          rows={() => [
            ['area', 'election', 'compare', 'party', 'votes', 'share_pct', 'change_pts', 'seats', 'seat_change'],
            ...summary.parties.map((p) => [summary.area.name, summary.election.name, summary.compare?.name, p.party, p.votes, p.sharePct, p.changePts, p.seats, p.seatChange]),
          ]}
        />
      </div>
    </>
  );
}
