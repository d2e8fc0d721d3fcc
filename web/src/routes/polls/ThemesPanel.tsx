import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { DataTable, formatNumber, QueryState, StatusMessage, TextInput } from '../../components/index.ts';
import { themesPath, useThemes, type ThemeAnswer, type ThemeScopeRef, type ThemesView } from './themesApi.ts';

type Act = (path: string, method: string, body?: unknown, done?: string) => Promise<void>;

function Examples({ items }: { items: string[] }) {
  return items.length > 0 ? <ul className="theme-examples">{items.map((x, i) => <li key={i}>“{x}”</li>)}</ul> : null;
}

/** One suggestion: its label (editable before confirming), count and examples; confirm or reject. */
function Suggestion({ s, canConfirm, act, scope }: { s: ThemesView['suggested'][0]; canConfirm: boolean; act: Act; scope: ThemeScopeRef }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(s.label);
  return (
    <li className="theme card">
      <h5>{s.label} <span className="muted">· {t('polls.themes.answers', { count: s.count })}</span></h5>
      <p className="muted">{t('polls.themes.why', { terms: s.terms.join(', ') })}</p>
      <Examples items={s.examples} />
      {canConfirm && (
        <div className="theme__actions">
          <TextInput label={t('polls.themes.nameFor', { label: s.label })} value={label} onChange={setLabel} />
          <button type="button" onClick={() => void act('', 'POST', { ...scope, label: label.trim() || s.label, voteIds: s.answers.map((a) => a.voteId) }, t('polls.themes.confirmed', { label: label.trim() || s.label }))}>
            {t('polls.themes.confirm')}<span className="visually-hidden">: {s.label}</span>
          </button>
          <button type="button" className="button--secondary" onClick={() => void act('/rejections', 'POST', { ...scope, key: s.key }, t('polls.themes.rejected', { label: s.label }))}>
            {t('polls.themes.reject')}<span className="visually-hidden">: {s.label}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** A confirmed theme: rename, merge into another, un-confirm, take in matching new answers, move an answer out. */
function Confirmed({ c, others, canConfirm, act, scope }: { c: ThemesView['confirmed'][0]; others: ThemesView['confirmed']; canConfirm: boolean; act: Act; scope: ThemeScopeRef }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(c.label);
  const [into, setInto] = useState(others[0]?.id ?? '');
  const mergeId = useId();
  const move = (a: ThemeAnswer, themeId: string | null) => act('/moves', 'POST', { ...scope, voteIds: [a.voteId], themeId }, t('polls.themes.moved'));
  return (
    <li className="theme card">
      <h5>{c.label} <span className="muted">· {t('polls.themes.answers', { count: c.count })}</span></h5>
      <Examples items={c.examples} />
      {c.suggestedAnswers.length > 0 && (
        <div>
          <p>{t('polls.themes.newMatches', { count: c.suggestedAnswers.length })}</p>
          <Examples items={c.suggestedAnswers.slice(0, 3).map((a) => a.text)} />
          {canConfirm && <button type="button" onClick={() => void act('/moves', 'POST', { ...scope, voteIds: c.suggestedAnswers.map((a) => a.voteId), themeId: c.id }, t('polls.themes.added', { label: c.label }))}>{t('polls.themes.addMatches', { label: c.label })}</button>}
        </div>
      )}
      {canConfirm && (
        <>
          <div className="theme__actions">
            <TextInput label={t('polls.themes.renameLabel', { label: c.label })} value={label} onChange={setLabel} />
            <button type="button" className="button--secondary" disabled={label.trim() === '' || label.trim() === c.label} onClick={() => void act(`/${c.id}`, 'PATCH', { label: label.trim() }, t('polls.themes.renamed', { label: label.trim() }))}>
              {t('polls.themes.rename')}<span className="visually-hidden">: {c.label}</span>
            </button>
          </div>
          {others.length > 0 && (
            <div className="theme__actions">
              <div className="field">
                <label htmlFor={mergeId}>{t('polls.themes.mergeLabel', { label: c.label })}</label>
                <select id={mergeId} value={into} onChange={(e) => setInto(e.target.value)}>{others.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</select>
              </div>
              <button type="button" className="button--secondary" onClick={() => void act(`/${c.id}/merge`, 'POST', { intoThemeId: into }, t('polls.themes.merged'))}>{t('polls.themes.merge')}<span className="visually-hidden">: {c.label}</span></button>
            </div>
          )}
          <button type="button" className="button--link" onClick={() => void act(`/${c.id}`, 'DELETE', undefined, t('polls.themes.unconfirmed', { label: c.label }))}>{t('polls.themes.unconfirm')}<span className="visually-hidden">: {c.label}</span></button>
          {c.answers.length > 0 && (
            <details>
              <summary>{t('polls.themes.showAnswers', { label: c.label })}</summary>
              <ul className="theme-answers">
                {c.answers.map((a) => (
                  <li key={a.voteId}>
                    <span>“{a.text}”</span>
                    <button type="button" className="button--link" onClick={() => void move(a, null)}>{t('polls.themes.takeOut')}<span className="visually-hidden">: “{a.text}”</span></button>
                    {others.map((o) => <button key={o.id} type="button" className="button--link" onClick={() => void move(a, o.id)}>{t('polls.themes.moveTo', { label: o.label })}<span className="visually-hidden">: “{a.text}”</span></button>)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </li>
  );
}

/**
 * The "Themes" panel of an open-text question: themes confirmed in this scope, suggestions made
 * from the answers not yet themed (and "Other"), with the counts also as a table. `title` replaces
 * the panel's "Themes" heading (a breakout group's page names the question there instead).
 */
export function ThemesPanel({ programmeId, questionId, scope, answers, title }: { programmeId: string; questionId: string; scope: ThemeScopeRef; answers: number; title?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const themes = useThemes(programmeId, questionId, scope, answers);
  const [status, setStatus] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const headingId = useId();
  const act: Act = async (path, method, body, done) => {
    try {
      setStatus(null);
      await api(`${themesPath(programmeId, questionId)}${path}`, { method, body });
      await queryClient.invalidateQueries({ queryKey: ['polls', 'themes', programmeId, questionId] });
      if (done) setStatus({ kind: 'ok', text: done });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setStatus({ kind: 'error', text: err.message });
    }
  };
  const v = themes.data;
  const rows = v ? [
    ...v.confirmed.map((c) => ({ key: c.id, label: c.label, count: c.count, status: t('polls.themes.statusConfirmed') })),
    ...v.suggested.map((s) => ({ key: `s:${s.key}`, label: s.label, count: s.count, status: t('polls.themes.statusSuggested') })),
    ...(v.other.count > 0 ? [{ key: 'other', label: t('polls.themes.other'), count: v.other.count, status: '' }] : []),
  ] : [];
  return (
    <section className="themes" aria-labelledby={headingId}>
      <h4 id={headingId}>{title ?? t('polls.themes.title')}</h4>
      <StatusMessage kind={status?.kind ?? 'ok'}>{status?.text}</StatusMessage>
      <QueryState isLoading={themes.isLoading} error={themes.error} retry={() => void themes.refetch()}>
        {v && (v.answers === 0 ? <p>{t('polls.themes.none')}</p> : (
          <>
            {v.partial && <p className="muted">{t('polls.themes.partial', { count: v.answers })}</p>}
            {v.confirmed.length > 0 && (
              <>
                <h5 className="themes__sub">{t('polls.themes.confirmedTitle')}</h5>
                <ul className="theme-list">{v.confirmed.map((c) => <Confirmed key={`${c.id}:${c.label}`} c={c} others={v.confirmed.filter((o) => o.id !== c.id)} canConfirm={v.canConfirm} act={act} scope={scope} />)}</ul>
              </>
            )}
            <h5 className="themes__sub">{t('polls.themes.suggestedTitle')}</h5>
            {v.suggested.length === 0 ? <p>{t('polls.themes.noSuggestions')}</p> : (
              <ul className="theme-list">{v.suggested.map((s) => <Suggestion key={`${s.key}:${s.label}:${s.count}`} s={s} canConfirm={v.canConfirm} act={act} scope={scope} />)}</ul>
            )}
            {v.other.count > 0 && (
              <div className="theme card">
                <h5>{t('polls.themes.other')} <span className="muted">· {t('polls.themes.answers', { count: v.other.count })}</span></h5>
                <Examples items={v.other.examples} />
              </div>
            )}
            <DataTable caption={t('polls.themes.tableCaption', { prompt: v.prompt })} rowKey={(r) => r.key} rows={rows}
              columns={[
                { key: 'label', header: t('polls.themes.theme'), cell: (r) => r.label, isRowHeader: true },
                { key: 'count', header: t('polls.themes.count'), cell: (r) => formatNumber(r.count) },
                { key: 'status', header: t('polls.themes.status'), cell: (r) => r.status },
              ]} />
          </>
        ))}
      </QueryState>
    </section>
  );
}
