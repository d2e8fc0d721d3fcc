import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartDatum { region: string; change: number }

/**
 * Change in a party's share by region as a bar chart. Observable Plot is fetched only when this
 * chart first draws, so it never weighs on pages without charts. The table next to it carries
 * the same numbers for anyone who cannot see the chart.
 */
export function RegionalChart({ data, label }: { data: ChartDatum[]; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    void import('@observablehq/plot')
      .then((Plot) => {
        if (cancelled) return;
        const width = Math.max(300, Math.min(720, el.clientWidth));
        const chart = Plot.plot({
          width,
          height: 40 + data.length * 26,
          marginLeft: Math.min(170, width * 0.42),
          ariaLabel: label,
          ariaDescription: t('elections.chart.description'),
          x: { label: t('elections.chart.axis'), grid: true, tickFormat: (d: number) => `${d > 0 ? '+' : ''}${d}` },
          y: { label: null },
          style: { fontSize: '12px', color: '#1b1b1f', background: 'transparent' },
          marks: [
            Plot.barX(data, { x: 'change', y: 'region', fill: (d: ChartDatum) => (d.change >= 0 ? '#01665e' : '#8c510a'), sort: { y: 'x' } }),
            Plot.ruleX([0], { stroke: '#1b1b1f' }),
          ],
        });
        chart.setAttribute('role', 'img');
        // The chart is one image with one name; Plot's per-mark labels would be ignored (and are not allowed) inside it.
        for (const inner of chart.querySelectorAll('[aria-label], [aria-description]')) {
          inner.removeAttribute('aria-label');
          inner.removeAttribute('aria-description');
        }
        el.replaceChildren(chart);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => { cancelled = true; };
  }, [data, label, t]);

  return (
    <figure className="elections-chart">
      <figcaption>{label}</figcaption>
      <div ref={ref} className="elections-chart__plot" />
      {failed && <p className="muted">{t('elections.chart.failed')}</p>}
    </figure>
  );
}
