import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { createField, customFieldTypes, deleteField, peopleKeys, updateField, useCustomFields, type CustomField, type CustomFieldType } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { CheckboxField } from '../form/CheckboxField.tsx';
import { FormDialog } from './FormDialog.tsx';
import '../people.css';

const isChoice = (type: CustomFieldType) => type === 'single_choice' || type === 'multiple_choice';
const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);
/** Server field errors by path; "choices.2" counts as "choices". */
const errorsOf = (err: unknown): Record<string, string> => {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fieldErrors())) {
    const key = path.split('.')[0]!;
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
};

function ChoicesInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextField className="field" value={value} onChange={onChange} isInvalid={!!error}>
      <Label>{t('peopleTools.manageFields.choices')}</Label>
      <TextArea rows={5} />
      <Text slot="description">{t('peopleTools.manageFields.choicesHint')}</Text>
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

function EditField({ field, onDone }: { field: CustomField; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(field.label);
  const [choices, setChoices] = useState(field.choices.join('\n'));
  const [required, setRequired] = useState(field.required);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      triggerLabel={t('peopleTools.manageFields.edit')}
      triggerAriaLabel={t('peopleTools.manageFields.editNamed', { label: field.label })}
      title={t('peopleTools.manageFields.editTitle', { label: field.label })}
      submitLabel={t('common.save')}
      onOpen={() => { setLabel(field.label); setChoices(field.choices.join('\n')); setRequired(field.required); setErrors({}); }}
      onSubmit={async () => {
        try {
          await updateField(field.id, { label, required, ...(isChoice(field.type) ? { choices: lines(choices) } : {}) });
          await queryClient.invalidateQueries({ queryKey: peopleKeys.fields });
          onDone(t('peopleTools.manageFields.saved', { label: label.trim() }));
          return null;
        } catch (err) {
          setErrors(errorsOf(err));
          return err instanceof ApiError ? err.message : t('common.error');
        }
      }}
    >
      <TextInput label={t('peopleTools.manageFields.label')} value={label} onChange={setLabel} isRequired error={errors['label']} />
      {isChoice(field.type) && <ChoicesInput value={choices} onChange={setChoices} error={errors['choices']} />}
      <CheckboxField isSelected={required} onChange={setRequired}>{t('peopleTools.manageFields.required')}</CheckboxField>
    </FormDialog>
  );
}

/** /people/fields: the organisation's custom fields on people; define, edit and delete them. */
export function FieldsManage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const fields = useCustomFields();
  const [draft, setDraft] = useState({ key: '', label: '', type: 'text' as CustomFieldType, choices: '', required: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = hasPermission(session, 'fields.manage');

  async function create(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const f = await createField({ key: draft.key.trim(), label: draft.label, type: draft.type, choices: isChoice(draft.type) ? lines(draft.choices) : [], required: draft.required });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.fields });
      setDraft({ key: '', label: '', type: 'text', choices: '', required: false });
      setNote(t('peopleTools.manageFields.created', { label: f.label }));
    } catch (err) {
      const found = errorsOf(err);
      setErrors(Object.keys(found).length ? found : { form: err instanceof ApiError ? err.message : t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('peopleTools.manageFields.title') }]} />
      <PageHeader title={t('peopleTools.manageFields.title')} lead={t('peopleTools.manageFields.lead')} />
      {!allowed ? <p className="notice notice--error" role="alert">{t('people.manage.notAllowed')}</p> : (
        <>
          {note && <StatusMessage kind="ok">{note}</StatusMessage>}
          <QueryState isLoading={fields.isLoading} error={fields.error} retry={() => void fields.refetch()}>
            <DataTable
              caption={t('peopleTools.manageFields.caption')}
              rows={fields.data ?? []}
              rowKey={(f) => f.id}
              empty={t('peopleTools.manageFields.none')}
              columns={[
                { key: 'label', header: t('peopleTools.manageFields.label'), cell: (f) => <>{f.label}<br /><span className="muted">{f.key}</span></>, isRowHeader: true },
                { key: 'type', header: t('peopleTools.manageFields.type'), cell: (f) => <>{t(`people.fieldTypes.${f.type}`)}{f.required ? <><br /><span className="muted">{t('people.form.required')}</span></> : null}{f.choices.length > 0 && <><br /><span className="muted">{f.choices.join(', ')}</span></>}</> },
                {
                  key: 'actions', header: t('people.manage.actions'), cell: (f) => (
                    <div className="row-actions">
                      <EditField field={f} onDone={setNote} />
                      <ConfirmDialog
                        triggerLabel={t('common.delete')}
                        triggerAriaLabel={t('peopleTools.manageFields.deleteNamed', { label: f.label })}
                        triggerClassName="button--secondary"
                        title={t('peopleTools.manageFields.deleteTitle', { label: f.label })}
                        confirmLabel={t('peopleTools.manageFields.deleteConfirm')}
                        destructive
                        onConfirm={async () => {
                          await deleteField(f.id);
                          await queryClient.invalidateQueries({ queryKey: peopleKeys.fields });
                          await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
                          setNote(t('peopleTools.manageFields.deleted', { label: f.label }));
                        }}
                      >
                        <p>{t('peopleTools.manageFields.deleteBody', { label: f.label })}</p>
                      </ConfirmDialog>
                    </div>
                  ),
                },
              ]}
            />
          </QueryState>
          <section aria-labelledby="new-field-heading" className="person-section">
            <h2 id="new-field-heading">{t('peopleTools.manageFields.newHeading')}</h2>
            <Form onSubmit={create} validationBehavior="aria">
              <TextInput label={t('peopleTools.manageFields.label')} value={draft.label} onChange={(label) => setDraft({ ...draft, label })} isRequired error={errors['label']} />
              <TextInput label={t('peopleTools.manageFields.key')} hint={t('peopleTools.manageFields.keyHint')} value={draft.key} onChange={(key) => setDraft({ ...draft, key })} isRequired error={errors['key']} autoComplete="off" />
              <SelectField
                label={t('peopleTools.manageFields.type')}
                options={customFieldTypes.map((ty) => ({ id: ty, label: t(`people.fieldTypes.${ty}`) }))}
                value={draft.type}
                onChange={(v) => v && setDraft({ ...draft, type: v as CustomFieldType })}
                error={errors['type']}
              />
              {isChoice(draft.type) && <ChoicesInput value={draft.choices} onChange={(choices) => setDraft({ ...draft, choices })} error={errors['choices']} />}
              <CheckboxField isSelected={draft.required} onChange={(required) => setDraft({ ...draft, required })}>{t('peopleTools.manageFields.required')}</CheckboxField>
              {errors['form'] && <StatusMessage kind="error">{errors['form']}</StatusMessage>}
              <div className="actions"><Button type="submit" isDisabled={busy}>{t('peopleTools.manageFields.create')}</Button></div>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
