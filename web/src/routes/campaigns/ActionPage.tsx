import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { Breadcrumbs, PageHeader, QueryState, SelectField, StatusMessage, TextInput, formatDateTime } from '../../components/index.ts';
import { PersonComboBox } from '../organising/PersonComboBox.tsx';
import { actionKeys, actionStatuses, dayLabel, responseOutcomes, useCampaign, type CampaignActionDetail } from './api.ts';
import { TurnoutBar } from './TurnoutBar.tsx';
import './campaigns.css';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Runs one write of the action page and keeps the cached action in step with the answer. */
function useActionWrite(campaignId: string, actionId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function write(path: string, method: 'PATCH' | 'PUT', body: Record<string, unknown>, ok: string) {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const next = await api<CampaignActionDetail>(`/campaigns/${campaignId}/actions/${actionId}${path}`, { method, body });
      queryClient.setQueryData(actionKeys.one(campaignId, actionId), next);
      void queryClient.invalidateQueries({ queryKey: actionKeys.list(campaignId) });
      setMessage({ kind: 'ok', text: ok });
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setMessage({ kind: 'error', text: err.message }); } else setMessage({ kind: 'error', text: t('common.error') });
    } finally {
      setBusy(false);
    }
  }
  return { message, errors, busy, write };
}

/** Status, turnout counted by hand and the target's response. */
function RecordForm({ a }: { a: CampaignActionDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const [v, setV] = useState({ status: a.status as string, turnout: a.turnout.recorded === null ? '' : String(a.turnout.recorded), responseOutcome: a.responseOutcome as string, responseText: a.responseText });
  const { message, errors, busy, write } = useActionWrite(a.campaignId, a.id);
  const set = (k: keyof typeof v) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(v.turnout);
    void write('', 'PATCH', {
      status: v.status, responseOutcome: v.responseOutcome, responseText: v.responseText,
      turnout: v.turnout.trim() === '' ? null : Number.isFinite(n) ? n : v.turnout,
    }, t('campaigns.actions.recorded'));
  }
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.actions.recordTitle')}</h2>
      <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-labelledby={`${uid}-title`}>
        <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
        <SelectField label={t('campaigns.actions.status')} options={actionStatuses.map((s) => ({ id: s, label: t(`campaigns.actions.statuses.${s}`) }))} value={v.status} onChange={set('status')} error={errors.status} />
        <TextInput
          label={t('campaigns.actions.recordTurnout')}
          hint={a.turnout.checkIns !== null ? t('campaigns.actions.recordTurnoutHint', { count: a.turnout.checkIns }) : t('campaigns.actions.recordTurnoutHintNoEvent')}
          value={v.turnout} onChange={set('turnout')} error={errors.turnout} inputMode="numeric" autoComplete="off"
        />
        <SelectField label={t('campaigns.actions.outcome')} options={responseOutcomes.map((o) => ({ id: o, label: t(`campaigns.actions.outcomes.${o}`) }))} value={v.responseOutcome} onChange={set('responseOutcome')} error={errors.responseOutcome} />
        <div className="field">
          <label htmlFor={`${uid}-response`}>{t('campaigns.actions.responseText')}</label>
          <textarea id={`${uid}-response`} value={v.responseText} onChange={(e) => set('responseText')(e.target.value)} maxLength={5000} />
          {errors.responseText && <span className="field-error">{errors.responseText}</span>}
        </div>
        <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.actions.saveRecord')}</Button></div>
      </Form>
    </section>
  );
}

/** What went well, what to improve and the leaders who stepped up; written once the action is done. */
function EvaluationSection({ a }: { a: CampaignActionDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const ev = a.evaluation;
  const [v, setV] = useState({ wentWell: ev?.wentWell ?? '', toImprove: ev?.toImprove ?? '' });
  const [leaders, setLeaders] = useState(ev?.leaders ?? []);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const { message, errors, busy, write } = useActionWrite(a.campaignId, a.id);
  const hidden = (ev?.leaderCount ?? 0) - (ev?.leaders.length ?? 0);

  if (!a.canManage || a.status !== 'done') {
    return (
      <section className="campaign-section" aria-labelledby={`${uid}-title`}>
        <h2 id={`${uid}-title`}>{t('campaigns.actions.evaluationTitle')}</h2>
        {ev ? (
          <dl className="facts">
            <dt>{t('campaigns.actions.wentWell')}</dt><dd>{ev.wentWell || t('campaigns.actions.none')}</dd>
            <dt>{t('campaigns.actions.toImprove')}</dt><dd>{ev.toImprove || t('campaigns.actions.none')}</dd>
            <dt>{t('campaigns.actions.leaders')}</dt>
            <dd>{ev.leaders.map((l) => l.name).join(', ') || t('campaigns.actions.noLeaders')}{hidden > 0 && ` (${t('campaigns.actions.leadersHidden', { count: hidden })})`}</dd>
          </dl>
        ) : <p>{t('campaigns.actions.evaluationWait')}</p>}
      </section>
    );
  }

  function addLeader() {
    if (!person) return;
    setLeaders((l) => (l.some((x) => x.personId === person.id) ? l : [...l, { personId: person.id, name: person.name }]));
    setPerson(null);
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void write('/evaluation', 'PUT', { ...v, leaderIds: leaders.map((l) => l.personId) }, t('campaigns.actions.evaluationSaved'));
  }
  const area = (k: 'wentWell' | 'toImprove') => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{t(`campaigns.actions.${k}`)}</label>
      <textarea id={`${uid}-${k}`} value={v[k]} onChange={(e) => setV((s) => ({ ...s, [k]: e.target.value }))} maxLength={5000} />
      {errors[k] && <span className="field-error">{errors[k]}</span>}
    </div>
  );
  return (
    <section className="campaign-section" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('campaigns.actions.evaluationTitle')}</h2>
      {ev && <p className="muted">{t('campaigns.actions.evaluatedOn', { date: formatDateTime(ev.evaluatedAt) })}</p>}
      <Form onSubmit={submit} validationBehavior="aria" className="campaign-form" aria-labelledby={`${uid}-title`}>
        <StatusMessage kind={message?.kind ?? 'info'}>{message?.text}</StatusMessage>
        {area('wentWell')}
        {area('toImprove')}
        <fieldset>
          <legend>{t('campaigns.actions.leaders')}</legend>
          <p className="hint" id={`${uid}-leaders-hint`}>{t('campaigns.actions.leadersHint')}</p>
          {leaders.length === 0 ? <p>{t('campaigns.actions.noLeaders')}</p> : (
            <ul className="leader-list" aria-describedby={`${uid}-leaders-hint`}>
              {leaders.map((l) => (
                <li key={l.personId}>
                  <Link to={`/people/${l.personId}`}>{l.name}</Link>
                  <Button className="react-aria-Button button--secondary" onPress={() => setLeaders((x) => x.filter((y) => y.personId !== l.personId))}>
                    {t('campaigns.actions.removeLeader', { name: l.name })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {hidden > 0 && <p className="muted">{t('campaigns.actions.leadersHidden', { count: hidden })}</p>}
          {errors.leaderIds && <p className="field-error">{errors.leaderIds}</p>}
          <PersonComboBox label={t('campaigns.actions.leaderPerson')} value={person} onChange={setPerson} />
          <div className="actions"><Button className="react-aria-Button button--secondary" isDisabled={!person} onPress={addLeader}>{t('campaigns.actions.addLeader')}</Button></div>
        </fieldset>
        <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('campaigns.actions.saveEvaluation')}</Button></div>
      </Form>
    </section>
  );
}

/** /campaigns/:id/actions/:actionId: one action, its turnout against the goal, what happened and its evaluation. */
export function ActionPage() {
  const { t } = useTranslation();
  const { id = '', actionId = '' } = useParams();
  const campaign = useCampaign(id);
  const action = useQuery({ queryKey: actionKeys.one(id, actionId), queryFn: () => api<CampaignActionDetail>(`/campaigns/${id}/actions/${actionId}`) });
  const a = action.data;
  const fact = (label: string, value: ReactNode) => <><dt>{label}</dt><dd>{value || <span className="muted">{t('campaigns.actions.none')}</span>}</dd></>;
  const eventLabel = (e: NonNullable<CampaignActionDetail['event']>) => {
    const title = e.title ?? t('campaigns.actions.eventHidden');
    const text = `${e.cancelled ? t('campaigns.actions.eventCancelled', { title }) : title}, ${formatDateTime(e.startsAt)}`;
    return e.title ? <Link to={`/events/${e.id}`}>{text}</Link> : text;
  };
  return (
    <>
      <Breadcrumbs items={[
        { label: t('campaigns.list.title'), to: '/campaigns' },
        { label: campaign.data?.title ?? '…', to: `/campaigns/${id}` },
        { label: a?.title ?? '…' },
      ]} />
      <QueryState isLoading={action.isLoading} error={action.error} retry={() => void action.refetch()}>
        {a && (
          <>
            <PageHeader title={t('campaigns.actions.pageTitle', { title: a.title })} lead={t(`campaigns.actions.statuses.${a.status}`)} />
            <dl className="facts">
              {fact(t('campaigns.actions.facts.campaign'), <Link to={`/campaigns/${id}`}>{campaign.data?.title ?? t('campaigns.actions.back')}</Link>)}
              {fact(t('campaigns.actions.facts.day'), dayLabel(a.actionOn))}
              {fact(t('campaigns.actions.facts.event'), a.event ? eventLabel(a.event) : '')}
              {fact(t('campaigns.actions.facts.target'), a.target?.name)}
              {fact(t('campaigns.actions.facts.asks'), a.asks.length ? <ul className="asks-list">{a.asks.map((ask, i) => <li key={i}>{ask}</li>)}</ul> : '')}
              {fact(t('campaigns.actions.facts.goal'), a.turnoutGoal === null ? '' : String(a.turnoutGoal))}
              {fact(t('campaigns.actions.facts.turnout'), <TurnoutBar a={a} />)}
              {fact(t('campaigns.actions.facts.response'), <>{t(`campaigns.actions.outcomes.${a.responseOutcome}`)}{a.responseText && <span className="campaign-meta">{a.responseText}</span>}</>)}
            </dl>
            {a.canManage && <RecordForm key={`record-${a.id}`} a={a} />}
            <EvaluationSection key={`evaluation-${a.id}-${a.status}`} a={a} />
          </>
        )}
      </QueryState>
    </>
  );
}
