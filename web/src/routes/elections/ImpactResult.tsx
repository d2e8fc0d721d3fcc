import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import type { Impact } from './api.ts';
import { CsvButton } from './CsvButton.tsx';
import { pct, signed } from './format.ts';

/** An evaluation's quotable statement, its numbers, caveats, and every seat that went into it. */
export function ImpactResult({ r }: { r: Impact }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'organised', label: t('elections.impact.organisedSeats'), seats: String(r.organised.seats), change: signed(r.organised.meanChangePts) },
    { key: 'comparison', label: t('elections.impact.comparableSeats'), seats: String(r.comparison.seats), change: signed(r.comparison.meanChangePts) },
    { key: 'difference', label: t('elections.impact.difference'), seats: '', change: t('elections.impact.interval', { pts: signed(r.difference.pts), low: signed(r.difference.lowPts), high: signed(r.difference.highPts), level: r.method.confidencePct }) },
    { key: 'regional', label: t('elections.impact.regional', { regions: r.regional.regions.join(', ') }), seats: '', change: signed(r.regional.changePts) },
  ];
  return (
    <section aria-labelledby="impact-result" className="elections-impact">
      <h2 id="impact-result">{t('elections.impact.resultTitle')}</h2>
      <h3>{t('elections.impact.statementTitle')}</h3>
      <blockquote className="elections-statement" data-testid="impact-statement">{t('elections.impact.statement', {
        from: r.from, to: r.to, party: r.partyName, organisedChange: signed(r.organised.meanChangePts), organised: r.organised.seats,
        comparisonChange: signed(r.comparison.meanChangePts), comparable: r.comparison.seats, regionalChange: signed(r.regional.changePts),
        regions: r.regional.regions.join(', '), difference: signed(r.difference.pts), low: signed(r.difference.lowPts), high: signed(r.difference.highPts), level: r.method.confidencePct,
      })}</blockquote>
      <DataTable
        caption={t('elections.impact.numbersCaption', { party: r.partyName, from: r.from, to: r.to })}
        rows={rows}
        rowKey={(x) => x.key}
        columns={[
          { key: 'label', header: t('elections.impact.group'), cell: (x) => x.label, isRowHeader: true },
          { key: 'seats', header: t('elections.seats'), cell: (x) => x.seats, className: 'num' },
          { key: 'change', header: t('elections.impact.meanChange'), cell: (x) => x.change, className: 'num' },
        ]}
      />
      <h3>{t('elections.impact.caveatsTitle')}</h3>
      <ul className="elections-caveats">{r.caveats.map((c) => <li key={c}>{c}</li>)}</ul>
      <p className="muted">{t('elections.impact.method', { k: r.method.k, caliper: r.method.caliperPts, resamples: r.method.resamples.toLocaleString('en-GB'), seed: r.method.seed })}</p>
      <DataTable
        caption={t('elections.impact.seatsCaption')}
        rows={r.seats}
        rowKey={(s) => s.code}
        columns={[
          { key: 'name', header: t('elections.seat'), cell: (s) => s.name, isRowHeader: true },
          { key: 'region', header: t('elections.region'), cell: (s) => s.regionName },
          { key: 'organised', header: t('elections.impact.side'), cell: (s) => (s.organised ? t('elections.impact.organised') : t('elections.impact.comparable')) },
          { key: 'prior', header: t('elections.impact.priorShare', { from: r.from }), cell: (s) => pct(s.priorSharePct), className: 'num' },
          { key: 'majority', header: t('elections.impact.priorMajority', { from: r.from }), cell: (s) => pct(s.priorMajorityPct), className: 'num' },
          { key: 'change', header: t('elections.change'), cell: (s) => signed(s.changePts), className: 'num' },
        ]}
      />
      <div className="actions">
        <CsvButton what={t('elections.impact.seatsCaption')} fileName={`impact-${r.party}-${r.from}-${r.to}.csv`} rows={() => [
          ['code', 'name', 'region', 'side', 'prior_share_pct', 'prior_majority_pct', 'change_pts', 'matched_with'],
          ...r.seats.map((s) => [s.code, s.name, s.regionName, s.organised ? 'organised' : 'comparable', s.priorSharePct, s.priorMajorityPct, s.changePts, s.matchedWith.join(' ')]),
          [],
          ['difference_pts', r.difference.pts, 'low', r.difference.lowPts, 'high', r.difference.highPts, 'seed', r.method.seed, 'resamples', r.method.resamples],
        ]} />
      </div>
      {r.excluded.length > 0 && (
        <DataTable
          caption={t('elections.impact.excludedCaption')}
          rows={r.excluded}
          rowKey={(e) => e.code}
          columns={[
            { key: 'name', header: t('elections.seat'), cell: (e) => e.name, isRowHeader: true },
            { key: 'reason', header: t('elections.impact.reason'), cell: (e) => e.reason },
          ]}
        />
      )}
    </section>
  );
}
