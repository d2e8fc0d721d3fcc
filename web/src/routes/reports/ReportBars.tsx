import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/index.ts';

export interface BarRow { key: string; label: string; value: number; cells: string[] }

/**
 * Horizontal bars of one measure, with the same rows (and more columns) as a table a click away.
 * The bars are text, so a screen reader reads the figures either way; in print both show.
 */
export function ReportBars({ title, rows, columns }: { title: string; rows: BarRow[]; columns: string[] }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <div className="report-bars">
      <ul className={`poll-bars${asTable ? ' report-print-only' : ''}`} aria-label={title} id={`${id}-bars`}>
        {rows.map((r) => (
          <li key={r.key}>
            <span className="poll-bars__label">{r.label}</span>
            <span className="poll-bars__track" aria-hidden="true"><span className="poll-bars__fill" style={{ width: `${Math.round((r.value / max) * 100)}%` }} /></span>
            <span className="poll-bars__value">{formatNumber(r.value)}</span>
          </li>
        ))}
      </ul>
      <div className={`table-wrap${asTable ? '' : ' report-print-only'}`} role="region" aria-label={title} tabIndex={0}>
        <table>
          <caption>{title}</caption>
          <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th>{r.cells.map((c, i) => <td key={i}>{c}</td>)}</tr>)}
          </tbody>
        </table>
      </div>
      <button type="button" className="button--link no-print" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
        {asTable ? t('closeReport.showBars') : t('closeReport.showTable')}
      </button>
    </div>
  );
}
