import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { setMyTarget, type OrganiserDashboard } from '../../api/organising.ts';
import { formatDate } from '../../components/format.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';

const loadForm = () => import('./TargetForm.tsx');
const TargetForm = lazy(() => loadForm().then((m) => ({ default: m.TargetForm })));
const preload = () => void loadForm();

/** My one-to-ones this week against my weekly target: a progress bar with the figures in words, and the target changed in place. */
export function OneToOnesThisWeek({ data }: { data: OrganiserDashboard['oneToOnes'] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const target = data.target.oneToOnesPerWeek;
  const text = t('organising.dashboard.oneToOnesText', { done: data.held, target });
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(target));
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);

  async function save() {
    const n = Number(value);
    if (!/^\d{1,3}$/.test(value.trim()) || n > 500) { setError(t('organising.dashboard.targetInvalid')); return; }
    try {
      await setMyTarget(n);
      setEditing(false);
      setError(undefined);
      setMessage(t('organising.dashboard.targetSaved'));
      await queryClient.invalidateQueries({ queryKey: ['organising', 'dashboard'] });
    } catch (e) {
      setError(e instanceof ApiError ? Object.values(e.fieldErrors())[0] ?? e.message : t('common.error'));
    }
  }

  return (
    <section className="organising-section" aria-labelledby="dash-one-to-ones">
      <h2 id="dash-one-to-ones">{t('organising.dashboard.oneToOnes')}</h2>
      <ProgressBar className="progress" value={Math.min(data.held, target)} maxValue={Math.max(target, 1)} valueLabel={text}>
        {({ percentage }) => (
          <>
            <Label>{t('organising.dashboard.oneToOnesLabel')}</Label>
            <p className="stat-text">{text}</p>
            <div className="progress__track" aria-hidden="true"><div className="progress__fill" style={{ width: `${target === 0 ? 100 : percentage ?? 0}%` }} /></div>
          </>
        )}
      </ProgressBar>
      <p className="muted">
        {t('organising.dashboard.weekFrom', { date: formatDate(data.weekStart) })}{' '}
        {data.target.isDefault ? t('organising.dashboard.defaultTarget') : ''}
      </p>
      <StatusMessage kind="ok">{message}</StatusMessage>
      {editing ? (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <TargetForm value={value} onChange={(v) => { setValue(v); setError(undefined); }} error={error} onSubmit={() => void save()} onCancel={() => setEditing(false)} />
        </Suspense>
      ) : (
        <Button className="react-aria-Button button--secondary button--small" onHoverStart={preload} onFocus={preload} onPress={() => { setValue(String(target)); setEditing(true); setMessage(null); }}>{t('organising.dashboard.setTarget')}</Button>
      )}
    </section>
  );
}
