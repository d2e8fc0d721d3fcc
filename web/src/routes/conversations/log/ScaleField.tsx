import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AssessmentPhase, Scale } from '../../../api/conversations.ts';
import { SegmentedField } from './SegmentedField.tsx';

/** One rating on a configured scale: a row of its points, each named by its label, with the ends explained. */
export function ScaleField({ id, scale, phase, value, onChange, error }: {
  id: string;
  scale: Scale;
  phase: AssessmentPhase;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const points = Array.from({ length: scale.maxValue - scale.minValue + 1 }, (_, i) => scale.minValue + i);
  const label = phase === 'single' ? scale.label : t(`conversations.assess.${phase}`, { scale: scale.label });
  const chosenLabel = value === undefined ? undefined : scale.pointLabels[String(value)];
  const low = scale.pointLabels[String(scale.minValue)];
  const high = scale.pointLabels[String(scale.maxValue)];
  return (
    <div className="scale-field">
      <SegmentedField
        id={id}
        label={label}
        hint={low && high ? t('conversations.assess.ends', { min: scale.minValue, low, max: scale.maxValue, high }) : scale.description ?? undefined}
        error={error}
        compact
        options={points.map((p) => ({ id: String(p), label: String(p), description: scale.pointLabels[String(p)] }))}
        value={value === undefined ? null : String(value)}
        onChange={(v) => onChange(Number(v))}
      />
      <div className="scale-field__chosen">
        <span className="muted" aria-live="polite">{value === undefined ? t('conversations.assess.notRated') : chosenLabel ? t('conversations.assess.chosen', { value, label: chosenLabel }) : String(value)}</span>
        {value !== undefined && (
          <Button className="react-aria-Button button--link" aria-label={t('conversations.assess.clearNamed', { scale: label })} onPress={() => onChange(undefined)}>{t('conversations.assess.clear')}</Button>
        )}
      </div>
    </div>
  );
}
