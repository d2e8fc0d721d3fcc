import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { comparable, type Election } from './api.ts';

/** Choose an election and, optionally, an earlier one on the same boundaries to compare with. */
export function ElectionPicker({ elections, election, compare, onChange, allowCompare = true }: {
  elections: Election[];
  election: string;
  compare: string;
  onChange: (election: string, compare: string) => void;
  allowCompare?: boolean;
}) {
  const { t } = useTranslation();
  const earlier = comparable(elections, election);
  return (
    <div className="elections-pickers">
      <SelectField
        label={t('elections.election')}
        options={[...elections].reverse().map((e) => ({ id: e.name, label: e.name }))}
        value={election}
        onChange={(v) => v && onChange(v, comparable(elections, v)[0]?.name ?? '')}
      />
      {allowCompare && (
        <SelectField
          label={t('elections.compareWith')}
          hint={earlier.length ? undefined : t('elections.noCompare')}
          options={[{ id: 'none', label: t('elections.noComparison') }, ...earlier.map((e) => ({ id: e.name, label: e.name }))]}
          value={compare || 'none'}
          onChange={(v) => onChange(election, !v || v === 'none' ? '' : v)}
        />
      )}
    </div>
  );
}
