import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { importErrorsUrl, type ImportJob } from '../../../api/people.ts';
import { formatNumber } from '../../../components/format.ts';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { ImportCounts } from './ImportCounts.tsx';

/** Steps 4 and 5: the running import's progress, then what it did and the error report. */
export function ProgressStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const total = Math.max(job.totalRows, 1);
  if (job.status === 'running' || job.status === 'uploaded') {
    return (
      <>
        <ProgressBar className="progress" value={job.committedRows} minValue={0} maxValue={total} valueLabel={t('peopleTools.import.progressValue', { done: formatNumber(job.committedRows), total: formatNumber(job.totalRows) })}>
          {({ percentage, valueText }) => (
            <>
              <Label>{t('peopleTools.import.progress')}</Label>
              <span className="progress__value">{valueText}</span>
              <div className="progress__track"><div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} /></div>
            </>
          )}
        </ProgressBar>
        <p className="muted">{t('peopleTools.import.keepOpen')}</p>
      </>
    );
  }
  return (
    <>
      {job.status === 'failed'
        ? <StatusMessage kind="error">{t('peopleTools.import.failed', { message: job.failureMessage ?? '' })}</StatusMessage>
        : <StatusMessage kind="ok">{t('peopleTools.import.done', { count: job.totalRows, n: formatNumber(job.totalRows), file: job.fileName })}</StatusMessage>}
      <ImportCounts created={job.created} updated={job.updated} unchanged={job.unchanged} errors={job.errorCount} />
      {job.errorCount > 0 && (
        <div className="notice notice--error">
          <p>{t('peopleTools.import.errorReportIntro', { count: job.errorCount })}</p>
          <p><a className="button button--secondary" href={importErrorsUrl(job.id)} download>{t('peopleTools.import.errorReport')}</a></p>
        </div>
      )}
    </>
  );
}
