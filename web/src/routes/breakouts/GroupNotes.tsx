import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { useTaxonomy } from '../../api/conversations.ts';
import { StatusMessage, TextInput } from '../../components/index.ts';
import { notesKey, type MeetingNotes, type Member, type NoteGroup } from './api.ts';

type Send = (what: 'issues' | 'themes' | 'quotes', body: Record<string, unknown>, done: string) => Promise<boolean>;

/**
 * A facilitator's console for one group: what it raised (from the issue list or in its own
 * words, with who raised it), its themes and quotes kept only with the speaker's consent.
 * Plain form controls, each labelled, so the whole console works by keyboard at any width.
 */
export function GroupNotes({ eventId, group, members }: { eventId: string; group: NoteGroup; members: Member[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send: Send = async (what, body, done) => {
    setStatus(null);
    setError(null);
    try {
      const next = await api<MeetingNotes>(`/events/${eventId}/notes/${what}`, { method: 'POST', body: { groupId: group.id, ...body } });
      queryClient.setQueryData(notesKey(eventId), next);
      setStatus(done);
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError([err.message, ...Object.values(err.fieldErrors())].join(' '));
      return false;
    }
  };
  return (
    <div className="group-notes">
      <StatusMessage kind="ok">{status}</StatusMessage>
      <StatusMessage kind="error">{error}</StatusMessage>
      <IssueForm members={members} send={send} />
      <ThemeForm send={send} />
      <QuoteForm members={members} send={send} />
      <h3>{t('breakouts.notes.recorded')}</h3>
      {group.issues.length + group.themes.length + group.quotes.length === 0 && <p className="muted">{t('breakouts.notes.nothingYet')}</p>}
      {group.issues.length > 0 && (
        <ul aria-label={t('breakouts.notes.issuesRaised')}>
          {group.issues.map((i) => (
            <li key={i.id}>{i.issue.label}{i.peopleCount !== null && ` · ${t('breakouts.notes.people', { count: i.peopleCount })}`}{i.raisedBy.length > 0 && ` · ${i.raisedBy.map((m) => m.name).join(', ')}`}</li>
          ))}
        </ul>
      )}
      {group.themes.length > 0 && <ul aria-label={t('breakouts.notes.themes')}>{group.themes.map((x) => <li key={x.id}>{x.text}</li>)}</ul>}
      {group.quotes.length > 0 && (
        <ul aria-label={t('breakouts.notes.quotes')}>
          {group.quotes.map((q) => <li key={q.id}><q>{q.text}</q>{q.speaker && ` · ${q.speaker.name}`}</li>)}
        </ul>
      )}
    </div>
  );
}

function IssueForm({ members, send }: { members: Member[]; send: Send }) {
  const { t } = useTranslation();
  const id = useId();
  const taxonomy = useTaxonomy();
  const [issueId, setIssueId] = useState('');
  const [text, setText] = useState('');
  const [count, setCount] = useState('');
  const [raisedBy, setRaisedBy] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const issue = text.trim() ? { text: text.trim() } : issueId ? { issueId } : null;
    if (!issue) return;
    const ok = await send('issues', { issue, raisedBy, ...(count ? { peopleCount: Number(count) } : {}) }, t('breakouts.notes.issueDone'));
    if (ok) { setIssueId(''); setText(''); setCount(''); setRaisedBy([]); }
  };
  const issues = (taxonomy.data?.issues ?? []).filter((i) => i.status !== 'rejected');
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('breakouts.notes.issueTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-issue`}>{t('breakouts.notes.issue')}</label>
        <select id={`${id}-issue`} value={issueId} onChange={(e) => setIssueId(e.target.value)}>
          <option value="">{t('breakouts.notes.chooseIssue')}</option>
          {issues.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
        </select>
      </div>
      <TextInput label={t('breakouts.notes.ownWords')} hint={t('breakouts.notes.ownWordsHint')} value={text} onChange={setText} maxLength={200} />
      <TextInput label={t('breakouts.notes.count')} type="number" inputMode="numeric" value={count} onChange={setCount} />
      {members.length > 0 && (
        <fieldset className="breakout-candidates">
          <legend>{t('breakouts.notes.raisedBy')}</legend>
          <ul className="breakout-candidates">
            {members.map((m) => (
              <li key={m.rsvpId}><label><input type="checkbox" checked={raisedBy.includes(m.rsvpId)} onChange={(e) => setRaisedBy(e.target.checked ? [...raisedBy, m.rsvpId] : raisedBy.filter((x) => x !== m.rsvpId))} /> {m.name}</label></li>
            ))}
          </ul>
        </fieldset>
      )}
      <button type="submit" className="button" disabled={!issueId && !text.trim()}>{t('breakouts.notes.recordIssue')}</button>
    </form>
  );
}

function ThemeForm({ send }: { send: Send }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && await send('themes', { text: text.trim() }, t('breakouts.notes.themeDone'))) setText('');
  };
  return (
    <form className="card breakout-rename" onSubmit={(e) => void submit(e)}>
      <TextInput label={t('breakouts.notes.theme')} value={text} onChange={setText} maxLength={200} />
      <button type="submit" className="button" disabled={!text.trim()}>{t('breakouts.notes.recordTheme')}</button>
    </form>
  );
}

function QuoteForm({ members, send }: { members: Member[]; send: Send }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [wording, setWording] = useState(() => t('breakouts.notes.defaultConsent'));
  const [consented, setConsented] = useState(false);
  const [speaker, setSpeaker] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await send('quotes', { text: text.trim(), consentWording: wording.trim(), consented, speakerRsvpId: speaker || null }, t('breakouts.notes.quoteDone'));
    if (ok) { setText(''); setConsented(false); setSpeaker(''); }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('breakouts.notes.quoteTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('breakouts.notes.quote')}</label>
        <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={3} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-wording`}>{t('breakouts.notes.consentWording')}</label>
        <textarea id={`${id}-wording`} value={wording} onChange={(e) => setWording(e.target.value)} maxLength={1000} rows={3} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-speaker`}>{t('breakouts.notes.speaker')}</label>
        <select id={`${id}-speaker`} value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
          <option value="">{t('breakouts.notes.notNamed')}</option>
          {members.map((m) => <option key={m.rsvpId} value={m.rsvpId}>{m.name}</option>)}
        </select>
      </div>
      <label className="checkbox"><input type="checkbox" checked={consented} onChange={(e) => setConsented(e.target.checked)} /> {t('breakouts.notes.consented')}</label>
      <button type="submit" className="button" disabled={!text.trim()}>{t('breakouts.notes.recordQuote')}</button>
    </form>
  );
}
