import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unitKinds, unitsKey, type UnitKind } from './api.ts';

/** Adds a unit under `parentId`; the server's validation messages appear beside the fields. */
export function CreateUnitForm({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UnitKind>('branch');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setCreated(null);
    try {
      const unit = await api<{ id: string; name: string }>('/units', { method: 'POST', body: { parentId, kind, code, name } });
      setCreated(unit);
      setCode('');
      setName('');
      await queryClient.invalidateQueries({ queryKey: unitsKey });
    } catch (err) {
      if (!(err instanceof ApiError)) { setFormError(t('common.error')); return; }
      const fields = err.fieldErrors();
      // A clash of codes comes back as a conflict without field details; it belongs to the code field.
      if (err.code === 'conflict') fields['code'] = err.message;
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(err.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form onSubmit={submit} validationBehavior="aria" aria-labelledby="create-unit-heading">
      <SelectField
        label={t('units.create.kind')}
        options={unitKinds.filter((k) => k !== 'national').map((k) => ({ id: k, label: t(`units.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as UnitKind)}
        error={errors['kind']}
        isRequired
      />
      <TextInput label={t('units.create.name')} value={name} onChange={setName} error={errors['name']} isRequired autoComplete="off" />
      <TextInput label={t('units.create.code')} hint={t('units.create.codeHint')} value={code} onChange={setCode} error={errors['code']} isRequired autoComplete="off" />
      {formError && <StatusMessage kind="error">{formError}</StatusMessage>}
      <div className="actions">
        <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('units.create.submit')}</Button>
      </div>
      {created && (
        <StatusMessage kind="ok">
          {t('units.create.created', { name: created.name })} <Link to={`/units/${created.id}`}>{t('units.create.open', { name: created.name })}</Link>
        </StatusMessage>
      )}
    </Form>
  );
}
