import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../components/TextInput.tsx';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  onSubmit: () => void;
  onCancel: () => void;
}

/** OneToOnesThisWeek's form for my weekly target, fetched when "Set target" is first hovered, focused or pressed. */
export function TargetForm({ value, onChange, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Form className="inline-fields" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <TextInput label={t('organising.dashboard.target')} inputMode="numeric" value={value} onChange={onChange} error={error} autoFocus />
      <Button type="submit" className="react-aria-Button">{t('common.save')}</Button>
      <Button className="react-aria-Button button--secondary" onPress={onCancel}>{t('common.cancel')}</Button>
    </Form>
  );
}
