import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface Segment { id: string; label: string; description?: string }

/**
 * A single choice drawn as big buttons side by side (a radio group underneath: Tab reaches the
 * group, arrow keys move the choice), wrapping onto more rows on a narrow phone.
 */
export function SegmentedField({ id, label, hint, error, options, value, onChange, compact, isRequired }: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: Segment[];
  value: string | null;
  onChange: (value: string) => void;
  /** Narrow buttons (numbers on a scale) rather than words. */
  compact?: boolean;
  isRequired?: boolean;
}) {
  return (
    <RadioGroup
      id={id}
      className="field segmented"
      value={value}
      onChange={onChange}
      isInvalid={!!error}
      isRequired={isRequired}
      orientation="horizontal"
    >
      <Label>{label}</Label>
      {hint && <Text slot="description">{hint}</Text>}
      <div className={compact ? 'segmented__options segmented__options--compact' : 'segmented__options'}>
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="segmented__option" aria-label={o.description ? `${o.label}: ${o.description}` : undefined}>
            {o.label}
          </Radio>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}
