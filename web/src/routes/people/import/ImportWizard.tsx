import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { peopleKeys, previewImport, startImport, useCustomFields, useImportJob, type ImportPreview, type UploadedImport } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { ErrorSummary, type SummaryError } from '../form/ErrorSummary.tsx';
import { failureOf } from '../form/PersonForm.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { importFieldLabel } from './fieldLabel.ts';
import { MappingStep, mappingFieldId } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ProgressStep } from './ProgressStep.tsx';
import { UploadStep } from './UploadStep.tsx';
import '../people.css';
import './import.css';

const STEPS = ['upload', 'mapping', 'preview', 'progress', 'summary'] as const;
type Step = (typeof STEPS)[number];

/**
 * /people/import: upload → match columns → preview → import with progress → summary. The
 * running job's id goes into the address, so a reload comes back to its progress.
 */
export function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const custom = useCustomFields();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const job = useImportJob(jobId);
  const [uploaded, setUploaded] = useState<UploadedImport | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data: session } = useSession();

  const finished = job.data && (job.data.status === 'completed' || job.data.status === 'failed');
  const step: Step = jobId ? (finished ? 'summary' : 'progress') : preview ? 'preview' : uploaded ? 'mapping' : 'upload';
  const stepIndex = STEPS.indexOf(step);

  // Each new step's heading takes focus, so keyboard and screen reader users know where they are.
  const lastStep = useRef(step);
  useEffect(() => {
    if (lastStep.current !== step) headingRef.current?.focus();
    lastStep.current = step;
  }, [step]);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  }, [finished, queryClient]);

  function fail(err: unknown) {
    const f = failureOf(err, t('common.error'));
    setErrors(f.fieldErrors);
    setMessage(f.message);
    setFocusKey((k) => k + 1);
  }
  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setMessage(undefined);
    try { await action(); } catch (err) { fail(err); } finally { setBusy(false); }
  }
  const check = () => run(async () => setPreview(await previewImport(uploaded!.id, mapping)));
  const start = () => run(async () => {
    const started = await startImport(uploaded!.id, mapping);
    // Show the running job at once; polling takes over from here.
    queryClient.setQueryData(['imports', started.id], started);
    setParams({ job: started.id });
  });
  const again = () => {
    setUploaded(null); setPreview(null); setMapping({}); setErrors({}); setMessage(undefined); setParams({});
  };

  const summary: SummaryError[] = Object.entries(errors).map(([path, msg]) => {
    const column = path.startsWith('mapping.') ? path.slice('mapping.'.length) : null;
    return column && uploaded ? { path, message: msg, label: column, targetId: mappingFieldId(uploaded.columns, column) } : { path, message: msg };
  });

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('peopleTools.import.title') }]} />
      <PageHeader title={t('peopleTools.import.title')} lead={t('peopleTools.import.lead')} />
      {!hasPermission(session, 'people.import') ? <NotAllowed /> : (<>
      <ol className="wizard-steps" aria-label={t('peopleTools.import.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < stepIndex ? 'wizard-steps__done' : undefined}>
            {t(`peopleTools.import.steps.${s}`)}
          </li>
        ))}
      </ol>
      <h2 ref={headingRef} tabIndex={-1}>{t('peopleTools.import.stepHeading', { n: stepIndex + 1, total: STEPS.length, name: t(`peopleTools.import.steps.${step}`) })}</h2>
      <ErrorSummary errors={summary} message={message} focusKey={focusKey} />
      {step === 'upload' && <UploadStep onUploaded={(u) => { setUploaded(u); setMapping(u.mapping); }} />}
      {step === 'mapping' && uploaded && (
        <>
          <p>{t('peopleTools.import.mappingIntro')}</p>
          <MappingStep job={uploaded} mapping={mapping} onChange={(m) => { setMapping(m); setErrors({}); }} errors={errors} />
          <p className="muted">{t('peopleTools.import.mappingNow', { fields: Object.values(mapping).filter((f) => f !== 'ignore').map((f) => importFieldLabel(t, f, custom.data ?? [])).join(', ') || t('common.none') })}</p>
          <div className="actions">
            <Button onPress={check} isDisabled={busy}>{busy ? t('common.working') : t('peopleTools.import.check')}</Button>
            <Button className="react-aria-Button button--secondary" onPress={again} isDisabled={busy}>{t('peopleTools.import.startAgain')}</Button>
          </div>
        </>
      )}
      {step === 'preview' && preview && (
        <>
          <PreviewStep preview={preview} />
          <div className="actions">
            <Button onPress={start} isDisabled={busy || preview.counts.create + preview.counts.update === 0}>
              {busy ? t('common.working') : t('peopleTools.import.start', { count: preview.counts.create + preview.counts.update })}
            </Button>
            <Button className="react-aria-Button button--secondary" onPress={() => setPreview(null)} isDisabled={busy}>{t('peopleTools.import.backToMapping')}</Button>
          </div>
        </>
      )}
      {(step === 'progress' || step === 'summary') && (
        <QueryState isLoading={job.isLoading} error={job.error} retry={() => void job.refetch()}>
          {job.data && <ProgressStep job={job.data} />}
          {step === 'summary' && (
            <div className="actions">
              <Link className="button" to="/people?sort=-updated">{t('peopleTools.import.seePeople')}</Link>
              <Button className="react-aria-Button button--secondary" onPress={again}>{t('peopleTools.import.another')}</Button>
            </div>
          )}
        </QueryState>
      )}
      </>)}
    </>
  );
}
