import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/TextInput.tsx';
import type { PickedPerson } from './formState.ts';

/** Someone met for the first time: a name is enough; phone and postcode if they offer them. */
export function NewPersonFields({ initialName, onAdd, onCancel }: { initialName: string; onAdd: (p: PickedPerson) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // Whatever was typed into the search becomes the name, split at the first space.
  const [first, ...rest] = initialName.trim().split(/\s+/);
  const [firstName, setFirstName] = useState(first ?? '');
  const [lastName, setLastName] = useState(rest.join(' '));
  const [phone, setPhone] = useState('');
  const [postcode, setPostcode] = useState('');
  const [error, setError] = useState<string | undefined>();

  function add() {
    if (firstName.trim() === '') { setError(t('conversations.log.firstNameNeeded')); return; }
    onAdd({ type: 'new', id: crypto.randomUUID(), firstName, lastName, phone, postcode });
  }

  return (
    <fieldset className="form-section new-person">
      <legend>{t('conversations.log.newPerson')}</legend>
      <div className="field-row">
        <TextInput label={t('conversations.log.firstName')} value={firstName} onChange={(v) => { setFirstName(v); setError(undefined); }} error={error} autoFocus autoComplete="off" />
        <TextInput label={t('conversations.log.lastName')} value={lastName} onChange={setLastName} autoComplete="off" />
        <TextInput label={t('conversations.log.phone')} type="tel" value={phone} onChange={setPhone} autoComplete="off" />
        <TextInput label={t('conversations.log.postcode')} value={postcode} onChange={setPostcode} autoComplete="off" />
      </div>
      <div className="actions">
        <Button className="react-aria-Button" onPress={add}>{t('conversations.log.addPerson')}</Button>
        <Button className="react-aria-Button button--secondary" onPress={onCancel}>{t('common.cancel')}</Button>
      </div>
    </fieldset>
  );
}
