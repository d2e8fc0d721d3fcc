import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/index.ts';
import type { QuestionResult } from './api.ts';

interface Row { key: string; label: string; count: number; extra?: string }

function rowsOf(r: QuestionResult, t: (k: string, v?: Record<string, unknown>) => string): Row[] {
  if (r.kind === 'scale') return r.scale.map((s) => ({ key: String(s.value), label: String(s.value), count: s.count }));
  return r.options.map((o) => ({
    key: o.id, label: o.label, count: r.kind === 'ranking' ? o.firstChoices : o.votes,
    extra: r.kind === 'ranking' && o.votes > 0 ? t('polls.results.meanRank') + ': ' + formatNumber(Math.round((o.rankSum / o.votes) * 10) / 10) : undefined,
  }));
}

/**
 * One question's results as horizontal bars, with the same figures as a table a click away (and
 * the bars themselves are text, so a screen reader reads them either way).
 */
export function ResultsView({ result, texts, large = false }: { result: QuestionResult; texts?: string[]; large?: boolean }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const rows = rowsOf(result, t);
  const total = result.kind === 'multiple_choice' || result.kind === 'ranking' ? Math.max(result.responses, 1) : Math.max(rows.reduce((s, r) => s + r.count, 0), 1);
  const pct = (n: number) => Math.round((n / total) * 100);
  const countHeader = result.kind === 'ranking' ? t('polls.results.firstChoices') : result.kind === 'scale' ? t('polls.results.count') : t('polls.results.votes');
  return (
    <div className={large ? 'poll-results poll-results--large' : 'poll-results'}>
      <p className="muted">
        {t('polls.results.responses', { count: result.responses })}
        {result.mean !== null && <> · {t('polls.results.mean', { mean: formatNumber(result.mean) })}</>}
      </p>
      {result.kind === 'open_text' ? (
        texts && (texts.length > 0
          ? <><h3 className="poll-results__texts">{t('polls.results.texts')}</h3><ul className="poll-texts">{texts.map((x, i) => <li key={i}>{x}</li>)}</ul></>
          : <p>{t('polls.results.noTexts')}</p>)
      ) : (
        <>
          {!asTable ? (
            <ul className="poll-bars" aria-label={t('polls.results.chartLabel', { prompt: result.prompt })}>
              {rows.map((r) => (
                <li key={r.key}>
                  <span className="poll-bars__label">{r.label}</span>
                  <span className="poll-bars__track" aria-hidden="true"><span className="poll-bars__fill" style={{ width: `${pct(r.count)}%` }} /></span>
                  <span className="poll-bars__value">{formatNumber(r.count)} ({pct(r.count)}%)</span>
                </li>
              ))}
            </ul>
          ) : (
            <div className="table-wrap" role="region" aria-label={t('polls.results.tableCaption', { prompt: result.prompt })} tabIndex={0}>
              <table>
                <caption>{t('polls.results.tableCaption', { prompt: result.prompt })}</caption>
                <thead><tr><th scope="col">{result.kind === 'scale' ? t('polls.results.value') : t('polls.results.option')}</th><th scope="col">{countHeader}</th><th scope="col">{t('polls.results.share')}</th>{result.kind === 'ranking' && <th scope="col">{t('polls.results.meanRank')}</th>}</tr></thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}><th scope="row">{r.label}</th><td>{formatNumber(r.count)}</td><td>{pct(r.count)}%</td>{result.kind === 'ranking' && <td>{r.extra?.split(': ')[1] ?? '—'}</td>}</tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button type="button" className="button--link" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>{asTable ? t('polls.results.showBars') : t('polls.results.showTable')}</button>
        </>
      )}
    </div>
  );
}
