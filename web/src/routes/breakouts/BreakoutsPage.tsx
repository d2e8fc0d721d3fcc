import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { Breadcrumbs, formatDateTime, PageHeader, QueryState, SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { useEvent, type EventItem } from '../events/api.ts';
import { BreakoutResults } from './BreakoutResults.tsx';
import { breakoutKeys, useCandidates, usePlan, type Group, type Plan } from './api.ts';
import { MeetingNotesSection } from './MeetingNotesSection.tsx';
import './breakouts.css';

type Act = (path: string, method: 'POST' | 'PATCH', body: unknown, done: (plan: Plan) => string | null) => Promise<Record<string, string> | null>;

/** The split form: who, how many per group, and the facilitators in the order they get groups. */
function SplitForm({ e, plan, act }: { e: EventItem; plan: Plan | null; act: Act }) {
  const { t } = useTranslation();
  const candidates = useCandidates(e.unit.id);
  const [source, setSource] = useState<string>(plan?.source ?? 'checked_in');
  const [size, setSize] = useState(String(plan?.groupSize ?? 6));
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const people = new Map<string, string>();
  for (const h of e.hosts) people.set(h.id, h.displayName);
  for (const c of candidates.data?.items ?? []) people.set(c.id, c.displayName);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const fieldErrors = await act(`/events/${e.id}/breakouts`, 'POST', { source, groupSize: Number(size), facilitatorIds: chosen }, () => null);
    setErrors(fieldErrors ?? {});
  };
  return (
    <form className="card breakout-split" onSubmit={(ev) => void submit(ev)} aria-labelledby="split-title">
      <h2 id="split-title">{t('breakouts.splitTitle')}</h2>
      <p className="muted">{t('breakouts.rules')}</p>
      <SelectField label={t('breakouts.source')} value={source} onChange={(v) => setSource(v ?? 'checked_in')} error={errors.source}
        options={[{ id: 'checked_in', label: t('breakouts.sourceCheckedIn') }, { id: 'confirmed', label: t('breakouts.sourceConfirmed') }]} />
      <TextInput label={t('breakouts.groupSize')} hint={t('breakouts.groupSizeHint')} type="number" inputMode="numeric" value={size} onChange={setSize} error={errors.groupSize} />
      <fieldset>
        <legend>{t('breakouts.facilitators')}</legend>
        <p className="muted">{t('breakouts.facilitatorsHint')}</p>
        {people.size === 0 && !candidates.isLoading && <p>{t('breakouts.noFacilitators')}</p>}
        <ul className="breakout-candidates">
          {[...people].map(([id, name]) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked={chosen.includes(id)} onChange={(x) => setChosen(x.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id))} />
                {' '}{name}{chosen.includes(id) ? ` (${chosen.indexOf(id) + 1})` : ''}
              </label>
            </li>
          ))}
        </ul>
        {Object.entries(errors).filter(([k]) => k.startsWith('facilitatorIds')).map(([k, m]) => <p key={k} className="field-error">{m}</p>)}
      </fieldset>
      {plan && <p className="muted">{t('breakouts.resplitHint')}</p>}
      <button type="submit">{plan ? t('breakouts.resplit') : t('breakouts.split')}</button>
    </form>
  );
}

/** One group: its name (editable), facilitator and members, each with a "Move to" choice of the other groups. */
function GroupCard({ eventId, g, groups, act }: { eventId: string; g: Group; groups: Group[]; act: Act }) {
  const { t } = useTranslation();
  const [name, setName] = useState(g.name);
  const [error, setError] = useState<string | undefined>();
  const rename = async (ev: FormEvent) => {
    ev.preventDefault();
    const errs = await act(`/events/${eventId}/breakouts/groups/${g.id}`, 'PATCH', { name }, () => t('breakouts.renamed'));
    setError(errs?.name);
  };
  return (
    <li className="card breakout-group">
      <h3>{g.name} <span className="muted">· {t('breakouts.members', { count: g.members.length })}</span></h3>
      <p>{t('breakouts.facilitator')}: {g.facilitator?.displayName ?? t('breakouts.noFacilitator')}</p>
      <form className="breakout-rename" onSubmit={(ev) => void rename(ev)}>
        <TextInput label={t('breakouts.rename')} value={name} onChange={setName} error={error} />
        <button type="submit" className="button--secondary">{t('breakouts.save')}</button>
      </form>
      <ul className="breakout-members">
        {g.members.map((m) => (
          <li key={m.rsvpId}>
            <span>{m.name}</span>
            <SelectField
              label={t('breakouts.moveTo', { name: m.name })}
              value={g.id}
              options={groups.map((o) => ({ id: o.id, label: o.name }))}
              onChange={(to) => {
                if (to && to !== g.id) void act(`/events/${eventId}/breakouts/moves`, 'POST', { rsvpId: m.rsvpId, groupId: to }, (p) => t('breakouts.moved', { name: m.name, group: p.groups.find((x) => x.id === to)?.name ?? '' }));
              }}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** /events/:id/breakouts: the host splits the meeting into groups, adjusts them by keyboard and publishes them to facilitators. */
export function BreakoutsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const event = useEvent(id);
  const manage = !!event.data?.canManage;
  const plan = usePlan(id, manage);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act: Act = async (path, method, body, done) => {
    setError(null);
    setStatus(null);
    try {
      const next = await api<Plan>(path, { method, body });
      queryClient.setQueryData(breakoutKeys.plan(id!), next);
      setStatus(done(next));
      return null;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      return err.fieldErrors();
    }
  };
  const e = event.data;
  const p = plan.data ?? null;
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.events'), to: '/events' }, { label: e?.title ?? '…', to: `/events/${id}` }, { label: t('breakouts.crumb') }]} />
      <QueryState isLoading={event.isLoading || (manage && plan.isLoading)} error={event.error ?? plan.error} retry={() => void event.refetch()}>
        <PageHeader title={t('breakouts.title', { title: e?.title ?? '' })} lead={t('breakouts.lead')}
          actions={<Link className="button button--secondary" to={`/events/${id}/breakouts/mine`}>{t('breakouts.mineLink')}</Link>} />
        <StatusMessage kind="ok">{status}</StatusMessage>
        {error && <StatusMessage kind="error">{error}</StatusMessage>}
        {e && manage && (
          <>
            <SplitForm e={e} plan={p} act={act} />
            <h2>{t('breakouts.groups')}</h2>
            {!p && <p>{t('breakouts.none')}</p>}
            {p && (
              <>
                <p>{p.publishedAt ? (p.unpublishedChanges ? t('breakouts.unpublished') : t('breakouts.published', { when: formatDateTime(p.publishedAt) })) : t('breakouts.neverPublished')}</p>
                <button type="button" disabled={!p.unpublishedChanges} onClick={() => void act(`/events/${id}/breakouts/publish`, 'POST', undefined, () => t('breakouts.publishedDone'))}>
                  {p.publishedAt ? t('breakouts.republish') : t('breakouts.publish')}
                </button>
                <ol className="breakout-groups">
                  {p.groups.map((g) => <GroupCard key={`${g.id}:${g.name}`} eventId={id!} g={g} groups={p.groups} act={act} />)}
                </ol>
                {p.publishedAt && <BreakoutResults eventId={id!} groups={p.groups} />}
                {p.publishedAt && <MeetingNotesSection eventId={id!} />}
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
