import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/index.ts';
import { useThemeRollup } from './themesApi.ts';

/** The big screen's view of an open-text question: confirmed themes (the meeting's and its groups', combined by label) as bars, or as a table. */
export function ThemeRollupView({ programmeId, questionId, eventId, prompt, answers }: { programmeId: string; questionId: string; eventId: string; prompt: string; answers: number }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const rollup = useThemeRollup(programmeId, questionId, eventId, answers);
  const r = rollup.data;
  if (!r || r.themes.length === 0) return null;
  const rows = [...r.themes.map((x) => ({ key: x.label, label: x.label, count: x.count })), ...(r.unthemed > 0 ? [{ key: '', label: t('polls.themes.unthemed'), count: r.unthemed }] : [])];
  const pct = (n: number) => Math.round((n / Math.max(r.answers, 1)) * 100);
  return (
    <div className="poll-results poll-results--large">
      <h3>{t('polls.themes.screenTitle')}</h3>
      {!asTable ? (
        <ul className="poll-bars" aria-label={t('polls.themes.chartLabel', { prompt })}>
          {rows.map((x) => (
            <li key={x.key}>
              <span className="poll-bars__label">{x.label}</span>
              <span className="poll-bars__track" aria-hidden="true"><span className="poll-bars__fill" style={{ width: `${pct(x.count)}%` }} /></span>
              <span className="poll-bars__value">{formatNumber(x.count)} ({pct(x.count)}%)</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('polls.themes.screenTable', { prompt })} tabIndex={0}>
          <table>
            <caption>{t('polls.themes.screenTable', { prompt })}</caption>
            <thead><tr><th scope="col">{t('polls.themes.theme')}</th><th scope="col">{t('polls.themes.count')}</th><th scope="col">{t('polls.results.share')}</th></tr></thead>
            <tbody>{rows.map((x) => <tr key={x.key}><th scope="row">{x.label}</th><td>{formatNumber(x.count)}</td><td>{pct(x.count)}%</td></tr>)}</tbody>
          </table>
        </div>
      )}
      <button type="button" className="button--link" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>{asTable ? t('polls.themes.showBars') : t('polls.themes.showTable')}</button>
    </div>
  );
}
