import type { CountCell } from '../../api/organising.ts';

const W = 260;
const H = 90;
const PAD = 8;

/**
 * One issue's weekly counts as a small line chart (withheld weeks leave a gap). Decorative for
 * screen readers: the table after the charts holds the same numbers.
 */
export function WeeklyTrend({ title, points, max }: { title: string; points: CountCell[]; max: number }) {
  const x = (i: number) => PAD + (points.length <= 1 ? 0 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - (v / Math.max(1, max)) * (H - 2 * PAD);
  // Runs of shown values become separate lines, so a withheld week is a visible gap, not a zero.
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.people == null) { if (run.length) runs.push(run.join(' ')); run = []; return; }
    run.push(`${run.length === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.people).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  return (
    <figure className="trend" aria-hidden="true">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" className="trend__chart">
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="trend__edge" />
        <line x1={PAD} x2={W - PAD} y1={PAD} y2={PAD} className="trend__edge" />
        <text x={W - PAD} y={PAD - 1} textAnchor="end" className="trend__scale">{max}</text>
        {runs.map((d, i) => <path key={i} d={d} className="trend__line" />)}
        {points.map((p, i) => (p.people == null ? null : <circle key={i} cx={x(i)} cy={y(p.people)} r={2.5} className="trend__dot" />))}
      </svg>
    </figure>
  );
}
