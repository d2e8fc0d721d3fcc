import { useTranslation } from 'react-i18next';
import type { Progress } from './structureApi.ts';

/**
 * Progress of a segment (or the whole universe) against the threshold: a bar with the
 * threshold marked, for the eye (hidden from screen readers), and the same in words.
 */
export function SegmentBar({ label, p, threshold, what, overall = false }: { label: string; p: Progress; threshold: number; what: string; overall?: boolean }) {
  const { t } = useTranslation();
  const text = overall
    ? t('campaigns.structure.overallLine', { percent: p.percent, what, counted: p.counted, size: p.size })
    : t('campaigns.structure.segmentLine', { name: label, percent: p.percent, what, counted: p.counted, size: p.size });
  return (
    <div className={`segment-bar${p.meetsThreshold ? ' segment-bar--met' : ''}`}>
      <span className="segment-bar__text">
        {text}
        <span className="muted"> · {p.meetsThreshold ? t('campaigns.structure.meets') : t('campaigns.structure.below')}</span>
      </span>
      <span className="segment-bar__track" aria-hidden="true">
        <span className="segment-bar__fill" style={{ width: `${Math.min(100, p.percent)}%` }} />
        <span className="segment-bar__threshold" style={{ left: `${threshold}%` }} />
      </span>
    </div>
  );
}
