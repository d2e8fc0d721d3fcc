import { useTranslation } from 'react-i18next';
import { pickedName } from './PeoplePicker.tsx';
import { SegmentedField } from './SegmentedField.tsx';
import type { PickedPerson } from './formState.ts';

/** "About whom": shown only when more than one person was spoken with. */
export function PersonChoice({ id, people, value, onChange, error }: { id: string; people: PickedPerson[]; value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  if (people.length < 2) return null;
  return (
    <SegmentedField
      id={id}
      label={t('conversations.log.about')}
      options={people.map((p) => ({ id: p.id, label: pickedName(p) }))}
      value={value || people[0]!.id}
      onChange={onChange}
      error={error}
    />
  );
}
