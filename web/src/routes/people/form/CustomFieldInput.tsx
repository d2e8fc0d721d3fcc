import { CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../api/people.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { DateInput } from './DateInput.tsx';
import { fieldId } from './personFormValues.ts';

const NOT_SET = '__not_set__';

/** One organisation-defined field, drawn as the control its type calls for. */
export function CustomFieldInput({ def, value, onChange, error }: { def: CustomField; value: string | string[] | undefined; onChange: (v: string | string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const id = fieldId(`customFields.${def.key}`);
  const text = typeof value === 'string' ? value : '';
  const hint = def.required ? t('people.form.required') : undefined;
  switch (def.type) {
    case 'text':
      return <TextInput id={id} label={def.label} hint={hint} value={text} onChange={onChange} error={error} isRequired={def.required} />;
    case 'number':
      return <TextInput id={id} label={def.label} hint={hint ?? t('people.form.numberHint')} inputMode="decimal" value={text} onChange={onChange} error={error} isRequired={def.required} />;
    case 'date':
      return <DateInput id={id} label={def.label} hint={hint} value={text} onChange={onChange} error={error} isRequired={def.required} />;
    case 'single_choice':
      return (
        <SelectField
          id={id}
          label={def.label}
          hint={hint}
          error={error}
          isRequired={def.required}
          options={[{ id: NOT_SET, label: t('people.form.notSet') }, ...def.choices.map((c) => ({ id: c, label: c }))]}
          value={text || NOT_SET}
          onChange={(v) => onChange(v && v !== NOT_SET ? v : '')}
        />
      );
    case 'multiple_choice':
      return (
        <CheckboxGroup id={id} className="checkbox-group field" value={Array.isArray(value) ? value : []} onChange={onChange} isInvalid={!!error} isRequired={def.required}>
          <Label>{def.label}</Label>
          {hint && <Text slot="description">{hint}</Text>}
          {def.choices.map((c) => <CheckboxField key={c} value={c}>{c}</CheckboxField>)}
          <FieldError>{error}</FieldError>
        </CheckboxGroup>
      );
  }
}
