import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBoxField } from '../../components/ComboBoxField.tsx';
import type { PermittedUnit } from './unitsWithPermission.ts';

const MAX_SHOWN = 100;

/**
 * Choose one of my units by typing part of its name or code. Filtering happens here because the
 * whole list is already loaded; only the first hundred matches are offered.
 */
export function UnitPicker({ label, units, value, onChange, error, hint, isRequired }: {
  label: string;
  units: PermittedUnit[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  hint?: string;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const selected = units.find((u) => u.id === value);
  const [input, setInput] = useState(selected?.name ?? '');
  const items = useMemo(() => {
    const needle = input.trim().toLowerCase();
    // With the chosen unit's name in the box, show everything so the list can be browsed.
    const all = !needle || needle === selected?.name.toLowerCase();
    return units
      .filter((u) => all || u.name.toLowerCase().includes(needle) || u.code.includes(needle))
      .slice(0, MAX_SHOWN)
      .map((u) => ({ id: u.id, label: u.name, description: `${t(`units.kinds.${u.kind}`, { defaultValue: u.kind })} · ${u.code}` }));
  }, [units, input, selected, t]);
  return (
    <ComboBoxField
      label={label}
      hint={hint ?? t('admin.unitPicker.hint')}
      error={error}
      items={items}
      value={value}
      isRequired={isRequired}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        if (text === '' && value) onChange(null);
      }}
      onChange={(id) => {
        onChange(id);
        setInput(units.find((u) => u.id === id)?.name ?? '');
      }}
      emptyLabel={t('admin.unitPicker.empty')}
    />
  );
}
