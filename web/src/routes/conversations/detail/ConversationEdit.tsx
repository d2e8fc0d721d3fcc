import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PickedAccount } from '../../../api/accounts.ts';
import { ApiError } from '../../../api/client.ts';
import {
  conversationKinds, conversationOutcomes, invalidateOrganising, updateConversation, useConversation, useScales, useTaxonomy,
  type AssessmentPhase, type Conversation, type ConversationKind, type ConversationOutcome, type UpdateConversationInput,
} from '../../../api/conversations.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { ErrorSummary, fieldLabel, type SummaryError } from '../ErrorSummary.tsx';
import { AccountsPicker } from '../log/AccountPicker.tsx';
import { DateField } from '../log/DateField.tsx';
import { IssuesPicker } from '../log/IssuesPicker.tsx';
import { ScaleField } from '../log/ScaleField.tsx';
import { SegmentedField } from '../log/SegmentedField.tsx';
import { TextAreaField } from '../log/TextAreaField.tsx';
import { assessmentKey, fieldId, localDateTime, type PickedIssue } from '../log/formState.ts';
import { conversationTitle } from './ConversationPage.tsx';
import '../conversations.css';

interface EditState {
  kind: ConversationKind;
  occurredAt: string;
  durationMinutes: string;
  outcome: ConversationOutcome;
  /** Co-organisers besides whoever logged it (they always stay one). */
  organisers: PickedAccount[];
  issues: PickedIssue[];
  selfInterest: string;
  story: string;
  assessments: Record<string, number | undefined>;
}

/** The co-organisers a conversation has now, without whoever logged it. */
const coOrganisers = (c: Conversation): PickedAccount[] =>
  c.organisers.filter((o) => o.accountId !== c.createdBy).map((o) => ({ id: o.accountId, displayName: o.displayName }));

function initial(c: Conversation): EditState {
  const first = c.people[0]?.id;
  return {
    kind: c.kind,
    occurredAt: localDateTime(new Date(c.occurredAt)),
    durationMinutes: c.durationMinutes == null ? '' : String(c.durationMinutes),
    outcome: c.outcome,
    organisers: coOrganisers(c),
    issues: (c.issues ?? []).map((i) => ({ issueId: i.issue.id, label: i.issue.label })),
    selfInterest: c.notes?.selfInterest ?? '',
    story: c.notes?.story ?? '',
    assessments: Object.fromEntries((c.assessments ?? []).filter((a) => a.personId === first).map((a) => [assessmentKey(a.scale.key, a.phase), a.value])),
  };
}

/** /conversations/:id/edit: change what was recorded (lists replace what was there; the change is audited). */
export function ConversationEdit() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const conv = useConversation(id);
  const scales = useScales();
  const taxonomy = useTaxonomy();
  const [form, setForm] = useState<EditState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const c = conv.data;
  const logger = c?.organisers.find((o) => o.accountId === c.createdBy);
  const loggedBy = logger ? { id: logger.accountId, displayName: logger.displayName } : undefined;
  useEffect(() => { if (c && !form) setForm(initial(c)); }, [c, form]);
  const set = <K extends keyof EditState>(k: K, v: EditState[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));

  async function save() {
    if (!c || !form || busy) return;
    const first = c.people[0]?.id;
    const spoke = form.outcome === 'spoke';
    const body: UpdateConversationInput = {
      kind: form.kind,
      occurredAt: new Date(form.occurredAt).toISOString(),
      durationMinutes: form.durationMinutes.trim() === '' ? null : Number(form.durationMinutes),
      outcome: form.outcome,
    };
    // Co-organisers are sent only when changed: those already on it stay even if they have since moved units.
    const ids = (list: PickedAccount[]) => list.map((a) => a.id).sort().join();
    if (ids(form.organisers) !== ids(coOrganisers(c))) body.organisers = form.organisers.map((a) => a.id);
    // Special category parts are sent only when the caller could read them, so nothing unseen is overwritten.
    if (c.sensitive) {
      const earlier = new Map((c.issues ?? []).map((i) => [i.issue.id, i.personIds]));
      body.notes = { selfInterest: form.selfInterest.trim() || null, story: form.story.trim() || null };
      body.issues = spoke ? form.issues.map((i) => ('issueId' in i ? { issueId: i.issueId, ...(earlier.get(i.issueId) ? { personIds: earlier.get(i.issueId) } : {}) } : { text: i.text })) : [];
      const several = c.people.length > 1;
      const mine = Object.entries(form.assessments).filter((e): e is [string, number] => e[1] !== undefined).map(([k, value]) => {
        const [scaleKey, phase] = k.split(':') as [string, AssessmentPhase];
        return { scaleKey, value, phase, ...(several ? { personId: first } : {}) };
      });
      const others = (c.assessments ?? []).filter((a) => a.personId !== first).map((a) => ({ scaleKey: a.scale.key, value: a.value, phase: a.phase, personId: a.personId }));
      body.assessments = spoke ? [...mine, ...others] : [];
    }
    setBusy(true);
    try {
      await updateConversation(c.id, body);
      await invalidateOrganising(queryClient);
      navigate(`/conversations/${c.id}`);
    } catch (err) {
      const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : [];
      const idFor = (path: string) => {
        const p = path.replace(/^body\./, '');
        if (p.startsWith('notes.story')) return fieldId.story;
        if (p.startsWith('notes')) return fieldId.selfInterest;
        if (p.startsWith('assessments')) return 'conv-assessments';
        if (p.startsWith('organisers')) return fieldId.organisers;
        const top = p.split('.')[0]!;
        return ({ kind: fieldId.kind, occurredAt: fieldId.occurredAt, durationMinutes: fieldId.durationMinutes, outcome: fieldId.outcome, issues: fieldId.issues } as Record<string, string>)[top] ?? fieldId.kind;
      };
      const list = details.map((d) => ({ id: idFor(d.path), message: d.message }));
      setErrors(Object.fromEntries(list.map((e) => [e.id, e.message])));
      setSummary(list.length > 0
        ? list.map((e) => { const label = fieldLabel(e.id); return { targetId: e.id, message: label ? t('conversations.errorOn', { label, message: e.message }) : e.message }; })
        : [{ message: err instanceof ApiError ? err.message : t('common.error') }]);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumbs items={[{ label: t('conversations.list.title'), to: '/conversations' }, { label: c ? conversationTitle(t, c) : '…', to: c ? `/conversations/${c.id}` : undefined }, { label: t('conversations.edit.title') }]} />
      <PageHeader title={t('conversations.edit.title')} />
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <QueryState isLoading={conv.isLoading || scales.isLoading || taxonomy.isLoading || !form} error={conv.error ?? scales.error ?? taxonomy.error}>
        {c && form && (
          <Form className="log-form" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <SegmentedField id={fieldId.kind} label={t('conversations.log.kind')} options={conversationKinds.map((k) => ({ id: k, label: t(`conversations.kinds.${k}`) }))} value={form.kind} onChange={(v) => set('kind', v as ConversationKind)} error={errors[fieldId.kind]} />
            <SegmentedField id={fieldId.outcome} label={t('conversations.log.outcome')} options={conversationOutcomes.map((o) => ({ id: o, label: t(`conversations.outcomes.${o}`) }))} value={form.outcome} onChange={(v) => set('outcome', v as ConversationOutcome)} error={errors[fieldId.outcome]} />
            <DateField id={fieldId.occurredAt} type="datetime-local" label={t('conversations.log.when')} value={form.occurredAt} onChange={(v) => set('occurredAt', v)} error={errors[fieldId.occurredAt]} isRequired />
            <TextInput id={fieldId.durationMinutes} label={t('conversations.log.duration')} inputMode="numeric" value={form.durationMinutes} onChange={(v) => set('durationMinutes', v)} error={errors[fieldId.durationMinutes]} />
            <AccountsPicker
              id={fieldId.organisers} label={t('conversations.log.coOrganisers')} searchLabel={t('conversations.log.addCoOrganiser')} can="log"
              value={form.organisers} onChange={(v) => set('organisers', v)} always={loggedBy} error={errors[fieldId.organisers]}
            />
            {c.sensitive ? (
              <>
                {form.outcome === 'spoke' && taxonomy.data && <IssuesPicker id={fieldId.issues} taxonomy={taxonomy.data} value={form.issues} onChange={(v) => set('issues', v)} error={errors[fieldId.issues]} />}
                <TextAreaField id={fieldId.selfInterest} label={t('conversations.log.selfInterest')} value={form.selfInterest} onChange={(v) => set('selfInterest', v)} error={errors[fieldId.selfInterest]} />
                <TextAreaField id={fieldId.story} label={t('conversations.log.story')} rows={4} value={form.story} onChange={(v) => set('story', v)} error={errors[fieldId.story]} />
                {form.outcome === 'spoke' && (
                  <div id="conv-assessments" tabIndex={-1}>
                    <h2>{t('conversations.log.assessSection')}</h2>
                    {(scales.data ?? []).filter((s) => !s.archived).flatMap((s) => (s.phases === 'before_after' ? (['before', 'after'] as const) : (['single'] as const)).map((phase) => {
                      const key = assessmentKey(s.key, phase);
                      return <ScaleField key={key} id={fieldId.assessment(s.key, phase)} scale={s} phase={phase} value={form.assessments[key]} onChange={(v) => set('assessments', { ...form.assessments, [key]: v })} />;
                    }))}
                  </div>
                )}
              </>
            ) : <p className="notice">{t('conversations.detail.restricted')}</p>}
            <p className="muted">{t('conversations.edit.commitmentsNote')}</p>
            <div className="actions">
              <Button type="submit" className="react-aria-Button" isDisabled={busy}>{busy ? t('conversations.log.saving') : t('conversations.edit.save')}</Button>
              <Link className="button button--secondary" to={`/conversations/${c.id}`}>{t('conversations.edit.cancel')}</Link>
            </div>
          </Form>
        )}
      </QueryState>
    </>
  );
}
