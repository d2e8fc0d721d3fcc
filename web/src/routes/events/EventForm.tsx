import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { Breadcrumbs, PageHeader, QueryState, SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { unitsWithPermission } from '../admin/unitsWithPermission.ts';
import { useUnits } from '../units/api.ts';
import { eventKeys, eventKinds, eventModes, eventVisibilities, frequencies, useEvent, type EventItem } from './api.ts';
import './events.css';

interface Values {
  unitId: string;
  kind: string;
  title: string;
  description: string;
  mode: string;
  address: string;
  postcode: string;
  accessibilityNotes: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: string;
  visibility: string;
  reminderHours: string;
  repeat: string;
  occurrences: string;
  scope: 'this' | 'following';
}

const blank: Values = {
  unitId: '', kind: 'house_meeting', title: '', description: '', mode: 'in_person', address: '', postcode: '', accessibilityNotes: '', onlineUrl: '',
  startsAt: '', endsAt: '', timeZone: 'Europe/London', capacity: '', visibility: 'public', reminderHours: '24', repeat: '', occurrences: '4', scope: 'this',
};

const fromEvent = (e: EventItem): Values => ({
  unitId: e.unit.id, kind: e.kind, title: e.title, description: e.description, mode: e.mode, address: e.address ?? '', postcode: e.postcode ?? '',
  accessibilityNotes: e.accessibilityNotes, onlineUrl: e.onlineUrl ?? '', startsAt: e.localStart, endsAt: e.localEnd, timeZone: e.timeZone,
  capacity: e.capacity === null ? '' : String(e.capacity), visibility: e.visibility, reminderHours: e.reminderHours === null ? '' : String(e.reminderHours),
  repeat: '', occurrences: '4', scope: 'this',
});

/** A plain labelled input (for date-times and numbers, which phones give their own keyboards and pickers). */
function NativeField({ label, hint, error, children, id }: { label: string; hint?: string; error?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode; id: string }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy })}
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

function EventFields({ initial, event, onDone }: { initial: Values; event?: EventItem; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const units = useUnits();
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (value: string | null) => setV((s) => ({ ...s, [k]: value ?? '' }));
  const choices = unitsWithPermission(units.data ?? [], session, 'events.manage');
  useEffect(() => {
    if (!v.unitId && choices[0]) setV((s) => ({ ...s, unitId: choices[0]!.id }));
  }, [choices, v.unitId]);

  const inPerson = v.mode !== 'online';
  const online = v.mode !== 'in_person';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    const body: Record<string, unknown> = {
      kind: v.kind, title: v.title, description: v.description, mode: v.mode,
      address: inPerson ? v.address || null : null, postcode: inPerson ? v.postcode || null : null, onlineUrl: online ? v.onlineUrl || null : null,
      accessibilityNotes: v.accessibilityNotes, startsAt: v.startsAt, endsAt: v.endsAt, timeZone: v.timeZone,
      capacity: v.capacity ? Number(v.capacity) : null, visibility: v.visibility, reminderHours: v.reminderHours ? Number(v.reminderHours) : null,
    };
    try {
      let id: string;
      if (event) {
        await api<EventItem>(`/events/${event.id}`, { method: 'PATCH', body: { ...body, ...(event.seriesId ? { scope: v.scope } : {}) } });
        id = event.id;
      } else {
        const repeat = v.repeat ? { frequency: v.repeat, occurrences: Number(v.occurrences) } : undefined;
        id = (await api<EventItem>('/events', { method: 'POST', body: { ...body, unitId: v.unitId, ...(repeat ? { repeat } : {}) } })).id;
      }
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      onDone(id);
    } catch (err) {
      if (!(err instanceof ApiError)) { setFormError(t('common.error')); return; }
      const fields = err.fieldErrors();
      setErrors(fields);
      setFormError(err.message);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (k: string) => errors[k] ?? errors[`repeat.${k}`];
  const summary = Object.entries(errors);
  return (
    <Form onSubmit={submit} validationBehavior="aria" className="event-form" aria-label={event ? t('events.form.editTitle', { title: event.title }) : t('events.form.newTitle')}>
      {formError && (
        <StatusMessage kind="error">
          <p>{summary.length ? t('events.form.errorSummary') : formError}</p>
          {summary.length > 0 && <ul>{summary.map(([k, m]) => <li key={k}>{m}</li>)}</ul>}
        </StatusMessage>
      )}
      {!event && (
        <SelectField label={t('events.form.unit')} options={choices.map((u) => ({ id: u.id, label: u.name }))} value={v.unitId || null} onChange={set('unitId')} error={fieldError('unitId')} isRequired />
      )}
      <SelectField label={t('events.form.kind')} options={eventKinds.map((k) => ({ id: k, label: t(`events.kinds.${k}`) }))} value={v.kind} onChange={set('kind')} error={fieldError('kind')} isRequired />
      <TextInput label={t('events.form.title')} value={v.title} onChange={set('title')} error={fieldError('title')} isRequired autoComplete="off" />
      <NativeField id={`${uid}-description`} label={t('events.form.description')} error={fieldError('description')}>
        {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} value={v.description} onChange={(e) => set('description')(e.target.value)} maxLength={5000} />}
      </NativeField>
      <SelectField label={t('events.form.mode')} options={eventModes.map((k) => ({ id: k, label: t(`events.modes.${k}`) }))} value={v.mode} onChange={set('mode')} error={fieldError('mode')} isRequired />
      {inPerson && (
        <>
          <TextInput label={t('events.form.address')} value={v.address} onChange={set('address')} error={fieldError('address')} autoComplete="off" />
          <TextInput label={t('events.form.postcode')} hint={t('events.form.postcodeHint')} value={v.postcode} onChange={set('postcode')} error={fieldError('postcode') ?? fieldError('wardCode')} autoComplete="off" />
        </>
      )}
      {online && <TextInput label={t('events.form.onlineUrl')} type="url" value={v.onlineUrl} onChange={set('onlineUrl')} error={fieldError('onlineUrl')} isRequired autoComplete="off" />}
      <TextInput label={t('events.form.accessibility')} hint={t('events.form.accessibilityHint')} value={v.accessibilityNotes} onChange={set('accessibilityNotes')} error={fieldError('accessibilityNotes')} autoComplete="off" />
      <NativeField id={`${uid}-start`} label={t('events.form.startsAt')} error={fieldError('startsAt')}>
        {({ id, describedBy }) => <input id={id} type="datetime-local" required aria-describedby={describedBy} aria-invalid={!!fieldError('startsAt') || undefined} value={v.startsAt} onChange={(e) => set('startsAt')(e.target.value)} />}
      </NativeField>
      <NativeField id={`${uid}-end`} label={t('events.form.endsAt')} error={fieldError('endsAt')}>
        {({ id, describedBy }) => <input id={id} type="datetime-local" required aria-describedby={describedBy} aria-invalid={!!fieldError('endsAt') || undefined} value={v.endsAt} onChange={(e) => set('endsAt')(e.target.value)} />}
      </NativeField>
      <TextInput label={t('events.form.timeZone')} hint={t('events.form.timeZoneHint')} value={v.timeZone} onChange={set('timeZone')} error={fieldError('timeZone')} isRequired autoComplete="off" />
      <NativeField id={`${uid}-capacity`} label={t('events.form.capacity')} hint={t('events.form.capacityHint')} error={fieldError('capacity')}>
        {({ id, describedBy }) => <input id={id} type="number" inputMode="numeric" min={1} aria-describedby={describedBy} value={v.capacity} onChange={(e) => set('capacity')(e.target.value)} />}
      </NativeField>
      <SelectField label={t('events.form.visibility')} options={eventVisibilities.map((k) => ({ id: k, label: t(`events.visibilities.${k}`) }))} value={v.visibility} onChange={set('visibility')} error={fieldError('visibility')} isRequired />
      <NativeField id={`${uid}-reminder`} label={t('events.form.reminderHours')} hint={t('events.form.reminderHint')} error={fieldError('reminderHours')}>
        {({ id, describedBy }) => <input id={id} type="number" inputMode="numeric" min={1} max={336} aria-describedby={describedBy} value={v.reminderHours} onChange={(e) => set('reminderHours')(e.target.value)} />}
      </NativeField>
      {!event && (
        <>
          <SelectField label={t('events.form.repeat')} options={[{ id: 'none', label: t('events.form.repeatNone') }, ...frequencies.map((f) => ({ id: f, label: t(`events.frequencies.${f}`) }))]} value={v.repeat || 'none'} onChange={(x) => set('repeat')(x === 'none' ? '' : x)} />
          {v.repeat && (
            <NativeField id={`${uid}-occurrences`} label={t('events.form.occurrences')} error={fieldError('occurrences')}>
              {({ id, describedBy }) => <input id={id} type="number" inputMode="numeric" min={2} max={52} aria-describedby={describedBy} value={v.occurrences} onChange={(e) => set('occurrences')(e.target.value)} />}
            </NativeField>
          )}
        </>
      )}
      {event?.seriesId && (
        <fieldset>
          <legend>{t('events.form.scope')}</legend>
          {(['this', 'following'] as const).map((s) => (
            <label key={s} className="radio-line">
              <input type="radio" name="scope" value={s} checked={v.scope === s} onChange={() => setV((x) => ({ ...x, scope: s }))} />
              {s === 'this' ? t('events.form.scopeThis') : t('events.form.scopeFollowing')}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : event ? t('events.form.save') : t('events.form.create')}</Button>
      </div>
    </Form>
  );
}

/** /events/new */
export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  return (
    <>
      <Breadcrumbs items={[{ label: t('events.list.title'), to: '/events' }, { label: t('events.form.newTitle') }]} />
      <PageHeader title={t('events.form.newTitle')} />
      <QueryState isLoading={units.isLoading} error={units.error}>
        <EventFields initial={blank} onDone={(id) => navigate(`/events/${id}`)} />
      </QueryState>
    </>
  );
}

/** /events/:id/edit */
export function EditEventPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const event = useEvent(id);
  const e = event.data;
  return (
    <>
      <Breadcrumbs items={[{ label: t('events.list.title'), to: '/events' }, { label: e?.title ?? '…', to: `/events/${id}` }, { label: t('events.detail.edit') }]} />
      <QueryState isLoading={event.isLoading} error={event.error}>
        {e && (
          <>
            <PageHeader title={t('events.form.editTitle', { title: e.title })} />
            <EventFields initial={fromEvent(e)} event={e} onDone={(x) => navigate(`/events/${x}`)} />
          </>
        )}
      </QueryState>
    </>
  );
}
