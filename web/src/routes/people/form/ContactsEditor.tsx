import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { contactLabels, type ContactLabel } from '../../../api/people.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { CheckboxField } from './CheckboxField.tsx';
import { fieldId, newContactRow, type ContactRow } from './personFormValues.ts';

/** The id of a contact row's value input (error links point here). */
export const contactFieldId = (row: ContactRow) => fieldId(`contact-${row.key}`);

/**
 * Emails and phone numbers: add or remove rows, label each, and mark one of each kind as the
 * main one (marking another moves the mark).
 */
export function ContactsEditor({ rows, onChange, errors }: { rows: ContactRow[]; onChange: (rows: ContactRow[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<ContactRow>) => {
    const target = rows.find((r) => r.key === key)!;
    onChange(rows.map((r) => {
      if (r.key === key) return { ...r, ...patch };
      // Only one main contact of each kind.
      if (patch.isPrimary && r.kind === target.kind) return { ...r, isPrimary: false };
      return r;
    }));
  };
  const remove = (key: string) => {
    const gone = rows.find((r) => r.key === key)!;
    const rest = rows.filter((r) => r.key !== key);
    // The next of the same kind becomes the main one, as the server would decide.
    const next = gone.isPrimary ? rest.find((r) => r.kind === gone.kind) : undefined;
    onChange(rest.map((r) => (r === next ? { ...r, isPrimary: true } : r)));
  };
  const add = (kind: 'email' | 'phone') => {
    const row = newContactRow(kind, !rows.some((r) => r.kind === kind));
    onChange([...rows, row]);
    // Put the cursor in the new box once it is drawn.
    setTimeout(() => document.getElementById(contactFieldId(row))?.focus(), 0);
  };
  let nEmail = 0;
  let nPhone = 0;
  return (
    <fieldset className="form-section">
      <legend>{t('people.fields.contacts')}</legend>
      {errors['contacts'] && <p className="field-error" id={fieldId('contacts')}>{errors['contacts']}</p>}
      {rows.length === 0 && <p className="muted">{t('people.form.noContacts')}</p>}
      {rows.map((row) => {
        const n = row.kind === 'email' ? ++nEmail : ++nPhone;
        const name = t(`people.form.${row.kind}N`, { n });
        return (
          <div key={row.key} className="contact-row" role="group" aria-label={name}>
            <div className="contact-row__fields">
              <TextInput
                id={contactFieldId(row)}
                label={name}
                type={row.kind === 'email' ? 'email' : 'tel'}
                autoComplete="off"
                value={row.value}
                onChange={(value) => update(row.key, { value })}
                error={errors[row.key]}
              />
              <SelectField
                label={t('people.form.contactLabel', { name })}
                options={contactLabels.map((l) => ({ id: l, label: t(`people.contactLabels.${l}`) }))}
                value={row.label}
                onChange={(v) => v && update(row.key, { label: v as ContactLabel })}
              />
            </div>
            <div className="actions">
              <CheckboxField isSelected={row.isPrimary} onChange={(on) => on && update(row.key, { isPrimary: true })} isReadOnly={row.isPrimary}>
                {t(`people.form.primary.${row.kind}`)}
              </CheckboxField>
              <Button className="react-aria-Button button--secondary" onPress={() => remove(row.key)} aria-label={t('people.form.removeContact', { name, value: row.value })}>
                {t('common.remove')}
              </Button>
            </div>
          </div>
        );
      })}
      <div className="actions">
        <Button className="react-aria-Button button--secondary" onPress={() => add('email')}>{t('people.form.addEmail')}</Button>
        <Button className="react-aria-Button button--secondary" onPress={() => add('phone')}>{t('people.form.addPhone')}</Button>
      </div>
    </fieldset>
  );
}
