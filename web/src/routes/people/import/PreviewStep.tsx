import { useTranslation } from 'react-i18next';
import { useCustomFields, type ImportPreview } from '../../../api/people.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { formatNumber } from '../../../components/format.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { ProblemList } from './ProblemList.tsx';

/** Step 3: what the import would do, from a dry run of the whole file; nothing is written yet. */
export function PreviewStep({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const custom = useCustomFields().data ?? [];
  const shown = new Set(preview.rows.map((r) => r.row));
  const elsewhere = preview.errors.filter((e) => !shown.has(e.row));
  return (
    <>
      <p>{t('peopleTools.import.previewIntro', { count: preview.totalRows, n: formatNumber(preview.totalRows) })}</p>
      <ImportCounts created={preview.counts.create} updated={preview.counts.update} unchanged={preview.counts.unchanged} errors={preview.counts.error} future />
      <DataTable
        caption={t('peopleTools.import.firstRows', { count: preview.rows.length })}
        rows={preview.rows}
        rowKey={(r) => String(r.row)}
        columns={[
          { key: 'row', header: t('peopleTools.import.row'), cell: (r) => r.row, isRowHeader: true },
          // What happens and why share a column, so the table fits a phone without scrolling sideways.
          { key: 'outcome', header: t('peopleTools.import.outcome'), cell: (r) => <><span className={`outcome outcome--${r.outcome}`}>{t(`peopleTools.import.outcomes.${r.outcome}`)}</span><ProblemList problems={r.errors} custom={custom} /></> },
        ]}
      />
      {elsewhere.length > 0 && (
        <DataTable
          caption={t('peopleTools.import.otherErrors')}
          rows={elsewhere}
          rowKey={(r) => String(r.row)}
          columns={[
            { key: 'row', header: t('peopleTools.import.row'), cell: (r) => r.row, isRowHeader: true },
            { key: 'problems', header: t('peopleTools.import.problems'), cell: (r) => <ProblemList problems={r.errors} custom={custom} /> },
          ]}
        />
      )}
      {preview.counts.error > 0 && <p className="notice">{t('peopleTools.import.errorsSkipped', { count: preview.counts.error })}</p>}
    </>
  );
}
