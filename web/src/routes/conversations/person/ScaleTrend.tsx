import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../api/conversations.ts';
import { formatDate } from '../../../components/format.ts';

const W = 240;
const H = 64;
const PAD = 6;

/**
 * One scale's ratings over time as a small line (oldest left), with the better end at the top.
 * The table beside it carries every value; the chart's own label sums it up for screen readers.
 */
export function ScaleTrend({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  const scale = items[0]!.scale;
  const points = [...items].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
  const span = scale.maxValue - scale.minValue || 1;
  const x = (i: number) => PAD + (points.length === 1 ? 0 : (i * (W - 2 * PAD)) / (points.length - 1));
  // Better is up, whichever end the organisation counts as better.
  const y = (v: number) => { const f = (v - scale.minValue) / span; return PAD + (scale.higherIsBetter ? 1 - f : f) * (H - 2 * PAD); };
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const summary = t('conversations.person.trend', {
    scale: scale.label,
    values: points.map((p) => `${p.value}${p.phase === 'single' ? '' : ` (${t(`conversations.person.phases.${p.phase}`)})`}, ${formatDate(p.assessedAt)}`).join('; '),
  });
  return (
    <figure className="trend">
      <figcaption>{scale.label}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} className="trend__chart">
        <line x1={PAD} x2={W - PAD} y1={PAD} y2={PAD} className="trend__edge" />
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="trend__edge" />
        <path d={path} className="trend__line" />
        {points.map((p, i) => <circle key={p.id} cx={x(i)} cy={y(p.value)} r={3.5} className="trend__dot" />)}
      </svg>
    </figure>
  );
}
