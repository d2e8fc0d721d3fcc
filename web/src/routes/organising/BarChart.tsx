export interface Bar { key: string; label: string; value: number; text?: string; tone?: 'up' | 'down' }

/**
 * Horizontal bars drawn with CSS, longest = widest. Hidden from screen readers: every page
 * that draws one puts the same figures in a table next to it.
 */
export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-figure" aria-hidden="true">
      <figcaption className="data-table__caption">{title}</figcaption>
      <ul className="bar-chart">
        {bars.map((b) => (
          <li key={b.key} className="bar-chart__row">
            <span className="bar-chart__label">{b.label}</span>
            <span className="bar-chart__track">
              <span className={`bar-chart__bar${b.tone ? ` bar-chart__bar--${b.tone}` : ''}`} style={{ width: `${(b.value / max) * 80}%` }} />
              <span className="bar-chart__value">{b.text ?? b.value}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
