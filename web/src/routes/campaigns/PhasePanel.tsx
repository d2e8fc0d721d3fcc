import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { DataTable, formatDate, formatDateTime, SelectField, StatusMessage } from '../../components/index.ts';
import { campaignKeys, campaignPhases, type Campaign } from './api.ts';

/** The organising cycle: where the campaign stands, the move to another phase (a reason to go back), and the history. */
export function PhasePanel({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const current = campaignPhases.indexOf(c.phase);
  const [to, setTo] = useState<string>(campaignPhases[Math.min(current + 1, campaignPhases.length - 1)]!);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function move(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const next = await api<Campaign>(`/campaigns/${c.id}/phase`, { method: 'POST', body: { phase: to, ...(reason.trim() ? { reason } : {}) } });
      queryClient.setQueryData(campaignKeys.one(c.id), next);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      setReason('');
      const at = campaignPhases.indexOf(next.phase);
      setTo(campaignPhases[at + 1] ?? campaignPhases[at - 1]!);
      setMessage({ kind: 'ok', text: t('campaigns.detail.moved', { phase: t(`campaigns.phases.${next.phase}`) }) });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage({ kind: 'error', text: err.message });
      } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.detail.phaseTitle')}</h2>
      <ol className="phase-steps">
        {campaignPhases.map((p, i) => (
          <li key={p} aria-current={i === current ? 'step' : undefined} className={i < current ? 'phase-steps__done' : undefined}>
            {t(`campaigns.phases.${p}`)}
            <span className="visually-hidden"> ({i < current ? t('campaigns.detail.stepDone') : i === current ? t('campaigns.detail.stepCurrent') : t('campaigns.detail.stepAhead')})</span>
          </li>
        ))}
      </ol>
      <p>{t('campaigns.detail.currentPhase', { phase: t(`campaigns.phases.${c.phase}`), date: formatDate(c.phaseChangedAt) })}</p>
      <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
      {c.canManage && (
        <Form onSubmit={move} validationBehavior="aria" className="inline-form" aria-label={t('campaigns.detail.moveTo')}>
          <SelectField label={t('campaigns.detail.moveTo')} options={campaignPhases.filter((p) => p !== c.phase).map((p) => ({ id: p, label: t(`campaigns.phases.${p}`) }))} value={to === c.phase ? null : to} onChange={(x) => setTo(x ?? '')} error={errors.phase} />
          <div className="field">
            <label htmlFor={`${uid}-reason`}>{t('campaigns.detail.reason')}</label>
            <input id={`${uid}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} autoComplete="off"
              aria-describedby={`${uid}-reason-hint${errors.reason ? ` ${uid}-reason-error` : ''}`} aria-invalid={!!errors.reason || undefined} />
            <span id={`${uid}-reason-hint`} className="hint">{t('campaigns.detail.reasonHint')}</span>
            {errors.reason && <span id={`${uid}-reason-error`} className="field-error">{errors.reason}</span>}
          </div>
          <div className="actions"><Button type="submit" isDisabled={busy || !to || to === c.phase}>{busy ? t('common.working') : t('campaigns.detail.move')}</Button></div>
        </Form>
      )}
      <DataTable
        caption={t('campaigns.detail.historyCaption')}
        rows={[...c.history].reverse()}
        rowKey={(h) => `${h.changedAt}-${h.toPhase}`}
        columns={[
          { key: 'when', header: t('campaigns.detail.when'), isRowHeader: true, cell: (h) => formatDateTime(h.changedAt) },
          { key: 'change', header: t('campaigns.detail.change'), cell: (h) => `${t(`campaigns.directions.${h.direction}`)}: ${h.fromPhase ? `${t(`campaigns.phases.${h.fromPhase}`)} → ` : ''}${t(`campaigns.phases.${h.toPhase}`)}` },
          { key: 'reason', header: t('campaigns.detail.reason'), cell: (h) => h.reason ?? '' },
          { key: 'by', header: t('campaigns.detail.by'), cell: (h) => h.changedBy ?? '' },
        ]}
      />
    </section>
  );
}
