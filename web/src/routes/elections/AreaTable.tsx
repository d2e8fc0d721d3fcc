import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import type { Summary } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { count, partyLabel, pct, signed } from './format.ts';

/** One row per area (nations or regions): turnout, swing and one party's votes, share, change and seats. */
export function AreaTable({ items, party, caption, fileName }: { items: Summary[]; party: string; caption: string; fileName: string }) {
  const { t } = useTranslation();
  const line = (s: Summary) => s.parties.find((p) => p.party === party);
  const swing = (s: Summary) => (s.swing ? t('elections.swingText', { points: pct(s.swing.points), from: s.swing.from, to: s.swing.to }) : '–');
  const name = partyLabel(t, party);
  return (
    <>
      <DataTable
        caption={caption}
        rows={items}
        rowKey={(s) => `${s.area.level}-${s.area.code}`}
        columns={[
          { key: 'area', header: t('elections.area'), cell: (s) => s.area.name, isRowHeader: true },
          { key: 'seats', header: t('elections.seats'), cell: (s) => count(s.seats), className: 'num' },
          { key: 'turnout', header: t('elections.turnout'), cell: (s) => `${pct(s.turnoutPct)}${s.turnoutChangePts !== null ? ` (${signed(s.turnoutChangePts)})` : ''}`, className: 'num' },
          { key: 'share', header: t('elections.partyShare', { party: name }), cell: (s) => pct(line(s)?.sharePct), className: 'num' },
          { key: 'change', header: t('elections.partyChange', { party: name }), cell: (s) => signed(line(s)?.changePts), className: 'num' },
          { key: 'won', header: t('elections.partySeats', { party: name }), cell: (s) => `${line(s)?.seats ?? 0}${line(s)?.seatChange != null ? ` (${signed(line(s)!.seatChange).replace(/\.0$/, '')})` : ''}`, className: 'num' },
          { key: 'swing', header: t('elections.swing'), cell: swing },
        ]}
      />
      <div className="actions">
        <CsvButton
          what={caption}
          fileName={fileName}
          rows={() => [
            ['area', 'area_code', 'election', 'compare', 'seats', 'turnout_pct', 'turnout_change_pts', 'party', 'votes', 'share_pct', 'change_pts', 'seats_won', 'seat_change', 'swing_pts', 'swing_from', 'swing_to'],
            ...items.map((s) => {
              const l = line(s);
              return [s.area.name, s.area.code, s.election.name, s.compare?.name, s.seats, s.turnoutPct, s.turnoutChangePts, party, l?.votes, l?.sharePct, l?.changePts, l?.seats, l?.seatChange, s.swing?.points, s.swing?.from, s.swing?.to];
            }),
          ]}
        />
      </div>
    </>
  );
}
