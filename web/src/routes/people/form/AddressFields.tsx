import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/TextInput.tsx';
import { AreaComboBox } from '../AreaComboBox.tsx';
import { fieldId, type PersonFormValues } from './personFormValues.ts';

type AddressKey = 'addressLine1' | 'addressLine2' | 'town' | 'postcode' | 'wardCode' | 'constituencyCode';

/** Address, postcode, and the ward and constituency the person lives in. */
export function AddressFields({ values, set, errors }: { values: PersonFormValues; set: (patch: Partial<PersonFormValues>) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const text = (k: AddressKey, autoComplete: string) => (
    <TextInput id={fieldId(k)} label={t(`people.fields.${k}`)} autoComplete={autoComplete} value={values[k]} onChange={(v) => set({ [k]: v })} error={errors[k]} />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('people.form.address')}</legend>
      {text('addressLine1', 'address-line1')}
      {text('addressLine2', 'address-line2')}
      {text('town', 'address-level2')}
      <TextInput id={fieldId('postcode')} label={t('people.fields.postcode')} hint={t('people.form.postcodeHint')} autoComplete="postal-code" value={values.postcode} onChange={(v) => set({ postcode: v })} error={errors['postcode']} />
      <AreaComboBox
        id={fieldId('wardCode')}
        kind="ward"
        label={t('people.fields.ward')}
        hint={t('people.form.wardHint')}
        value={values.wardCode || undefined}
        onChange={(code) => set({ wardCode: code ?? '' })}
        error={errors['wardCode']}
      />
      <AreaComboBox
        id={fieldId('constituencyCode')}
        kind="constituency"
        label={t('people.fields.constituency')}
        hint={t('people.form.constituencyHint')}
        value={values.constituencyCode || undefined}
        onChange={(code) => set({ constituencyCode: code ?? '' })}
        error={errors['constituencyCode']}
      />
    </fieldset>
  );
}
