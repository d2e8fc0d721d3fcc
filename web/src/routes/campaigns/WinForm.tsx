import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { StatusMessage, TextInput } from '../../components/index.ts';
import { campaignKeys, type Win } from './api.ts';

/** Log a win of a campaign: the headline and description may go on the public page, the evidence never. */
export function WinForm({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ wonOn: new Date().toISOString().slice(0, 10), title: '', description: '', evidence: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await api<Win>(`/campaigns/${campaignId}/wins`, { method: 'POST', body: v });
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      setV((s) => ({ ...s, title: '', description: '', evidence: '' }));
      setMessage({ kind: 'ok', text: t('campaigns.win.logged') });
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setMessage({ kind: 'error', text: err.message }); } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  const area = (k: 'description' | 'evidence', hint: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{t(`campaigns.win.${k}`)}</label>
      <textarea id={`${uid}-${k}`} value={v[k]} onChange={(e) => set(k)(e.target.value)} maxLength={5000} aria-describedby={`${uid}-${k}-hint`} />
      <span id={`${uid}-${k}-hint`} className="hint">{hint}</span>
      {errors[k] && <span className="field-error">{errors[k]}</span>}
    </div>
  );
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-label={t('campaigns.detail.logWin')}>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      <div className="field">
        <label htmlFor={`${uid}-wonOn`}>{t('campaigns.win.wonOn')}</label>
        <input id={`${uid}-wonOn`} type="date" required value={v.wonOn} onChange={(e) => set('wonOn')(e.target.value)} aria-invalid={!!errors.wonOn || undefined} />
        {errors.wonOn && <span className="field-error">{errors.wonOn}</span>}
      </div>
      <TextInput label={t('campaigns.win.title')} hint={t('campaigns.win.titleHint')} value={v.title} onChange={set('title')} error={errors.title} isRequired autoComplete="off" />
      {area('description', t('campaigns.win.descriptionHint'))}
      {area('evidence', t('campaigns.win.evidenceHint'))}
      <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.win.save')}</Button></div>
    </Form>
  );
}
