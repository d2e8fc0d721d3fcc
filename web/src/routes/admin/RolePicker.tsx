import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { roleRank, roles, type Role } from './api.ts';

/** The roles I may grant on a unit: those ranking no higher than my own there. */
export function RolePicker({ label, maxRank, value, onChange, error, isRequired }: {
  label: string;
  maxRank: number;
  value: Role | null;
  onChange: (role: Role | null) => void;
  error?: string;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const options = roles.filter((r) => roleRank[r] <= maxRank).map((r) => ({ id: r, label: t(`roles.${r}`) }));
  return (
    <SelectField
      label={label}
      options={options}
      value={value && options.some((o) => o.id === value) ? value : null}
      onChange={(v) => onChange(v as Role | null)}
      error={error}
      isRequired={isRequired}
      placeholder={t('admin.add.rolePlaceholder')}
    />
  );
}
