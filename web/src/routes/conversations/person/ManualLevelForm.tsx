import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField, type Option } from '../../../components/SelectField.tsx';
import { TextInput } from '../../../components/TextInput.tsx';

interface Props {
  levels: Option[];
  levelId: string;
  onLevelChange: (id: string) => void;
  reason: string;
  onReasonChange: (reason: string) => void;
  errors: Record<string, string>;
  onSubmit: () => void;
  onCancel: () => void;
}

/** ManualLevel's form (new level and reason), fetched when "Change level" is first pressed. */
export function ManualLevelForm({ levels, levelId, onLevelChange, reason, onReasonChange, errors, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Form className="form-section" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <SelectField label={t('organising.person.newLevel')} options={levels} value={levelId} onChange={(v) => onLevelChange(v ?? '')} error={errors.levelId} />
      <TextInput label={t('organising.person.reason')} value={reason} onChange={onReasonChange} error={errors.reason} isRequired />
      <div className="actions">
        <Button type="submit" className="react-aria-Button">{t('organising.person.setLevel')}</Button>
        <Button className="react-aria-Button button--secondary" onPress={onCancel}>{t('common.cancel')}</Button>
      </div>
    </Form>
  );
}
