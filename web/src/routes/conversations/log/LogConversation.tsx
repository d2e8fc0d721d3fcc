import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { conversationKinds, conversationOutcomes, invalidateOrganising, logConversation, useScales, useTaxonomy, type Conversation } from '../../../api/conversations.ts';
import { usePerson, useUnits } from '../../../api/people.ts';
import { useSession } from '../../../api/session.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { personName } from '../../people/personName.ts';
import { ErrorSummary, fieldLabel, type SummaryError } from '../ErrorSummary.tsx';
import { AccountsPicker } from './AccountPicker.tsx';
import { AssessmentsEditor } from './AssessmentsEditor.tsx';
import { CommitmentsEditor } from './CommitmentsEditor.tsx';
import { DateField } from './DateField.tsx';
import { FollowUpsEditor } from './FollowUpsEditor.tsx';
import { FormSection } from './FormSection.tsx';
import { IssuesPicker } from './IssuesPicker.tsx';
import { LoggedPanel } from './LoggedPanel.tsx';
import { PeoplePicker } from './PeoplePicker.tsx';
import { SegmentedField } from './SegmentedField.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { emptyForm, fieldId, targetOf, toBody, type LogFormState, type SectionId } from './formState.ts';
import '../conversations.css';

/**
 * /conversations/new (?person=<id> to start with someone): log a conversation on a phone in
 * seconds. The essentials are on screen; the rest opens on demand. The conversation's id is
 * chosen here, so a double tap or a retry after a lost answer never logs it twice.
 */
export function LogConversation() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { data: session } = useSession();
  const preselected = usePerson(params.get('person') ?? undefined);
  const scales = useScales();
  const taxonomy = useTaxonomy();
  const units = useUnits();
  const [form, setForm] = useState<LogFormState>(() => emptyForm());
  const [open, setOpen] = useState<Set<SectionId>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<Conversation | null>(null);

  // Opened from a person's page: they are the one spoken with.
  const pre = preselected.data;
  useEffect(() => {
    if (pre) setForm((f) => (f.people.some((p) => p.id === pre.id) ? f : { ...f, people: [{ type: 'existing', id: pre.id, name: personName(pre) }, ...f.people] }));
  }, [pre]);

  const set = <K extends keyof LogFormState>(key: K, value: LogFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (id: SectionId) => (isOpen: boolean) => setOpen((s) => { const n = new Set(s); if (isOpen) n.add(id); else n.delete(id); return n; });
  const spoke = form.outcome === 'spoke';
  const logUnits = (session?.grants ?? []).filter((g) => g.permissions.includes('conversations.log'));
  const needsUnit = new Set(logUnits.map((g) => g.unitId)).size > 1 && !form.people.some((p) => p.type === 'existing');
  const me = session?.account?.displayName ?? '';
  const meAccount = session?.account ? { id: session.account.id, displayName: session.account.displayName } : undefined;

  function fail(list: { id: string; message: string; section?: SectionId }[]) {
    const byField: Record<string, string> = {};
    for (const e of list) byField[e.id] ??= e.message;
    setErrors(byField);
    setOpen((s) => new Set([...s, ...list.flatMap((e) => (e.section ? [e.section] : []))]));
    // Labels are read once the sections holding the fields are open.
    setTimeout(() => {
      setSummary(list.map((e) => {
        const label = fieldLabel(e.id);
        return { targetId: e.id, message: label ? t('conversations.errorOn', { label, message: e.message }) : e.message };
      }));
      setFocusKey((k) => k + 1);
    }, 0);
  }

  function checkLocally(): { id: string; message: string; section?: SectionId }[] {
    const out: { id: string; message: string; section?: SectionId }[] = [];
    if (!form.kind) out.push({ id: fieldId.kind, message: t('conversations.log.kindNeeded') });
    if (form.people.length === 0) out.push({ id: fieldId.people, message: t('conversations.log.whoNeeded') });
    if (!form.occurredAt) out.push({ id: fieldId.occurredAt, message: t('conversations.log.whenNeeded'), section: 'when' });
    if (form.durationMinutes.trim() && !/^\d{1,4}$/.test(form.durationMinutes.trim())) out.push({ id: fieldId.durationMinutes, message: t('conversations.log.durationInvalid'), section: 'when' });
    if (needsUnit && !form.unitId) out.push({ id: fieldId.unit, message: t('conversations.log.unitNeeded') });
    if (spoke) {
      form.commitments.forEach((c, i) => {
        if (!c.ask) out.push({ id: fieldId.commitment(i, 'ask'), message: t('conversations.commitments.askNeeded'), section: 'commitments' });
        if (c.ask === 'custom' && !c.customText.trim()) out.push({ id: fieldId.commitment(i, 'customText'), message: t('conversations.commitments.customNeeded'), section: 'commitments' });
      });
    }
    form.followUps.forEach((f, i) => {
      if (!f.dueOn) out.push({ id: fieldId.followUp(i, 'dueOn'), message: t('conversations.followUps.dueNeeded'), section: 'followUps' });
    });
    return out;
  }

  async function submit() {
    if (busy) return;
    const local = checkLocally();
    if (local.length > 0) { fail(local); return; }
    const { body, targets } = toBody(form, scales.data ?? []);
    setBusy(true);
    try {
      const saved = await logConversation(body);
      setErrors({});
      setSummary([]);
      setLogged(saved);
      void invalidateOrganising(queryClient);
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details) && err.details.length > 0) {
        fail((err.details as { path: string; message: string }[]).map((d) => {
          const target = targetOf(d.path.replace(/^body\./, ''), targets);
          return { id: target?.id ?? fieldId.kind, message: d.message, section: target?.section };
        }));
      } else {
        setErrors({});
        setSummary([{ message: err instanceof ApiError && err.status !== 0 ? err.message : t('conversations.log.offline') }]);
        setFocusKey((k) => k + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  function another() {
    setForm(emptyForm());
    setOpen(new Set());
    setLogged(null);
    // The panel that had focus is gone: start again from the form's heading.
    setTimeout(() => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      h1?.setAttribute('tabindex', '-1');
      h1?.focus();
    }, 0);
  }

  if (logged) return <LoggedPanel conversation={logged} onAnother={another} />;
  if (session && logUnits.length === 0) return (<><PageHeader title={t('conversations.log.title')} /><p>{t('conversations.log.notAllowed')}</p></>);

  const counted = (n: number, key: string) => (n > 0 ? t(key, { count: n }) : undefined);
  const noteCount = [form.selfInterest, form.story].filter((s) => s.trim()).length;
  const assessed = Object.values(form.assessments).filter((v) => v !== undefined).length;

  return (
    <>
      <PageHeader title={t('conversations.log.title')} />
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <QueryState isLoading={scales.isLoading || taxonomy.isLoading} error={scales.error ?? taxonomy.error}>
        <Form className="log-form" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <SegmentedField
            id={fieldId.kind}
            label={t('conversations.log.kind')}
            options={conversationKinds.map((k) => ({ id: k, label: t(`conversations.kinds.${k}`) }))}
            value={form.kind}
            onChange={(v) => set('kind', v as LogFormState['kind'])}
            error={errors[fieldId.kind]}
            isRequired
          />
          <PeoplePicker id={fieldId.people} people={form.people} onChange={(v) => set('people', v)} error={errors[fieldId.people]} />
          {needsUnit && (
            <SegmentedField
              id={fieldId.unit}
              label={t('conversations.log.unit')}
              options={logUnits.map((g) => ({ id: g.unitId, label: units.data?.find((u) => u.id === g.unitId)?.name ?? g.unitId }))}
              value={form.unitId || null}
              onChange={(v) => set('unitId', v)}
              error={errors[fieldId.unit]}
            />
          )}
          <SegmentedField
            id={fieldId.outcome}
            label={t('conversations.log.outcome')}
            options={conversationOutcomes.map((o) => ({ id: o, label: t(`conversations.outcomes.${o}`) }))}
            value={form.outcome}
            onChange={(v) => set('outcome', v as LogFormState['outcome'])}
            error={errors[fieldId.outcome]}
          />
          {spoke ? (
            taxonomy.data && <IssuesPicker id={fieldId.issues} taxonomy={taxonomy.data} value={form.issues} onChange={(v) => set('issues', v)} error={errors[fieldId.issues]} />
          ) : (
            <p className="notice">{t('conversations.log.notSpoke')}</p>
          )}

          <FormSection id="section-when" title={t('conversations.log.whenSection')} summary={form.organisers.length > 0 ? t('conversations.log.whenSummaryWith', { who: me, count: form.organisers.length }) : t('conversations.log.whenSummary', { who: me })} isExpanded={open.has('when')} onExpandedChange={toggle('when')}>
            <DateField id={fieldId.occurredAt} type="datetime-local" label={t('conversations.log.when')} value={form.occurredAt} onChange={(v) => set('occurredAt', v)} error={errors[fieldId.occurredAt]} isRequired />
            <TextInput id={fieldId.durationMinutes} label={t('conversations.log.duration')} inputMode="numeric" value={form.durationMinutes} onChange={(v) => set('durationMinutes', v)} error={errors[fieldId.durationMinutes]} />
            <p className="muted">{t('conversations.log.byMe', { name: me })}</p>
            <AccountsPicker id={fieldId.organisers} label={t('conversations.log.coOrganisers')} searchLabel={t('conversations.log.addCoOrganiser')} can="log" value={form.organisers} onChange={(v) => set('organisers', v)} me={meAccount} error={errors[fieldId.organisers]} />
          </FormSection>
          <FormSection id="section-notes" title={t('conversations.log.notesSection')} summary={counted(noteCount, 'conversations.log.notesCount')} isExpanded={open.has('notes')} onExpandedChange={toggle('notes')}>
            <TextAreaField id={fieldId.selfInterest} label={t('conversations.log.selfInterest')} hint={t('conversations.log.selfInterestHint')} value={form.selfInterest} onChange={(v) => set('selfInterest', v)} error={errors[fieldId.selfInterest]} />
            <TextAreaField id={fieldId.story} label={t('conversations.log.story')} hint={t('conversations.log.storyHint')} rows={4} value={form.story} onChange={(v) => set('story', v)} error={errors[fieldId.story]} />
          </FormSection>
          {spoke && (
            <>
              <FormSection id="section-assessments" title={t('conversations.log.assessSection')} summary={counted(assessed, 'conversations.log.assessCount')} isExpanded={open.has('assessments')} onExpandedChange={toggle('assessments')}>
                <AssessmentsEditor scales={scales.data ?? []} form={form} setForm={setForm} errors={errors} />
              </FormSection>
              <FormSection id="section-commitments" title={t('conversations.log.commitSection')} summary={counted(form.commitments.length, 'conversations.log.commitCount')} isExpanded={open.has('commitments')} onExpandedChange={toggle('commitments')}>
                <CommitmentsEditor value={form.commitments} onChange={(v) => set('commitments', v)} people={form.people} errors={errors} />
              </FormSection>
            </>
          )}
          <FormSection id="section-follow-ups" title={t('conversations.log.followSection')} summary={counted(form.followUps.length, 'conversations.log.followCount')} isExpanded={open.has('followUps')} onExpandedChange={toggle('followUps')}>
            <FollowUpsEditor value={form.followUps} onChange={(v) => set('followUps', v)} people={form.people} errors={errors} me={meAccount} />
          </FormSection>

          <div className="log-form__submit">
            <Button type="submit" className="react-aria-Button button--wide" isDisabled={busy}>{busy ? t('conversations.log.saving') : t('conversations.log.save')}</Button>
          </div>
        </Form>
      </QueryState>
    </>
  );
}
