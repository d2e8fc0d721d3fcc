import { useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { membershipStatuses, useCustomFields, useTags, useUnits, type MembershipStatus } from '../../../api/people.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { TagPicker } from '../TagPicker.tsx';
import { AddressFields } from './AddressFields.tsx';
import { ContactsEditor, contactFieldId } from './ContactsEditor.tsx';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorSummary, type SummaryError } from './ErrorSummary.tsx';
import { fieldId, type PersonFormValues } from './personFormValues.ts';

/** A failed save: field errors keyed by form path (or contact row key), and a message for the rest. */
export interface SaveFailure { fieldErrors: Record<string, string>; message: string }

/** Turns an API error into field errors; contact paths ("contacts.2.value") become the row they came from. */
export function failureOf(err: unknown, fallback: string, contactRowFor?: (path: string) => string | undefined): SaveFailure {
  if (!(err instanceof ApiError)) return { fieldErrors: {}, message: fallback };
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fieldErrors())) {
    const row = contactRowFor?.(path);
    const key = row ?? path;
    fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${message}` : message;
  }
  return { fieldErrors, message: err.message };
}

/**
 * The person form for both adding and editing. Server errors appear beside their fields and
 * in a summary at the top that takes focus and links to each field.
 */
export function PersonForm({ initial, submitLabel, onSubmit, cancelTo }: {
  initial: PersonFormValues;
  submitLabel: string;
  onSubmit: (values: PersonFormValues) => Promise<SaveFailure | null>;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const tags = useTags();
  const fields = useCustomFields();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  // A ref, not state: two presses in the same moment both see it.
  const inFlight = useRef(false);
  const set = (patch: Partial<PersonFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const defs = fields.data ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    // A second press while the first save is on its way does nothing.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const failure = await onSubmit(values);
      if (failure) {
        setErrors(failure.fieldErrors);
        setMessage(failure.message);
        setFocusKey((k) => k + 1);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const labelFor = (path: string): { label?: string; targetId?: string } => {
    const row = values.contacts.find((r) => r.key === path);
    if (row) {
      const n = values.contacts.filter((r) => r.kind === row.kind).indexOf(row) + 1;
      return { label: t(`people.form.${row.kind}N`, { n }), targetId: contactFieldId(row) };
    }
    if (path.startsWith('customFields.')) {
      const def = defs.find((d) => d.key === path.slice('customFields.'.length));
      return def ? { label: def.label, targetId: fieldId(path) } : {};
    }
    const known: Record<string, string> = {
      unitId: 'unit', firstName: 'firstName', lastName: 'lastName', addressLine1: 'addressLine1', addressLine2: 'addressLine2', town: 'town', postcode: 'postcode',
      wardCode: 'ward', constituencyCode: 'constituency', membershipStatus: 'membershipStatus', membershipNumber: 'membershipNumber', joinedOn: 'joinedOn', tags: 'tags', contacts: 'contacts',
    };
    return known[path] ? { label: t(`people.fields.${known[path]}`), targetId: fieldId(path) } : {};
  };
  const summary: SummaryError[] = Object.entries(errors).map(([path, msg]) => ({ path, message: msg, ...labelFor(path) }));

  return (
    <QueryState isLoading={units.isLoading || tags.isLoading || fields.isLoading} error={units.error ?? tags.error ?? fields.error}>
      <ErrorSummary errors={summary} message={message} focusKey={focusKey} />
      <Form onSubmit={submit} validationBehavior="aria" className="person-form" aria-describedby="person-form-required">
        <p id="person-form-required" className="muted">{t('people.form.requiredNote')}</p>
        <fieldset className="form-section">
          <legend>{t('people.form.who')}</legend>
          <TextInput id={fieldId('firstName')} label={t('people.fields.firstName')} autoComplete="off" isRequired value={values.firstName} onChange={(v) => set({ firstName: v })} error={errors['firstName']} />
          <TextInput id={fieldId('lastName')} label={t('people.fields.lastName')} autoComplete="off" value={values.lastName} onChange={(v) => set({ lastName: v })} error={errors['lastName']} />
          <SelectField
            id={fieldId('unitId')}
            label={t('people.fields.unit')}
            hint={t('people.form.unitHint')}
            options={(units.data ?? []).map((u) => ({ id: u.id, label: u.name }))}
            value={values.unitId || null}
            onChange={(v) => set({ unitId: v ?? '' })}
            error={errors['unitId']}
            isRequired
          />
        </fieldset>
        <ContactsEditor rows={values.contacts} onChange={(contacts) => set({ contacts })} errors={errors} />
        <AddressFields values={values} set={set} errors={errors} />
        <fieldset className="form-section">
          <legend>{t('people.form.membership')}</legend>
          <SelectField
            id={fieldId('membershipStatus')}
            label={t('people.fields.membershipStatus')}
            options={membershipStatuses.map((s) => ({ id: s, label: t(`people.membership.${s}`) }))}
            value={values.membershipStatus}
            onChange={(v) => v && set({ membershipStatus: v as MembershipStatus })}
            error={errors['membershipStatus']}
          />
          <TextInput id={fieldId('membershipNumber')} label={t('people.fields.membershipNumber')} autoComplete="off" value={values.membershipNumber} onChange={(v) => set({ membershipNumber: v })} error={errors['membershipNumber']} />
          <DateInput id={fieldId('joinedOn')} label={t('people.fields.joinedOn')} value={values.joinedOn} onChange={(v) => set({ joinedOn: v })} error={errors['joinedOn']} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('people.fields.tags')}</legend>
          <TagPicker id={fieldId('tags')} all={tags.data ?? []} value={values.tags} onChange={(slugs) => set({ tags: slugs })} label={t('people.form.chosenTags')} error={errors['tags']} />
        </fieldset>
        {defs.length > 0 && (
          <fieldset className="form-section">
            <legend>{t('people.fields.customFields')}</legend>
            {defs.map((def) => (
              <CustomFieldInput key={def.id} def={def} value={values.customFields[def.key]} onChange={(v) => set({ customFields: { ...values.customFields, [def.key]: v } })} error={errors[`customFields.${def.key}`]} />
            ))}
          </fieldset>
        )}
        <div className="actions">
          <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : submitLabel}</Button>
          <Link to={cancelTo}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </QueryState>
  );
}
