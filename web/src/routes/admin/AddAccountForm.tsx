import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { adminAccountsKey, type AdminAccount, type Role } from './api.ts';
import { RolePicker } from './RolePicker.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import type { PermittedUnit } from './unitsWithPermission.ts';

/** Create an account with a role on one of my units, or add that role to the account with that email. */
export function AddAccountForm({ units }: { units: PermittedUnit[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [invite, setInvite] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const unit = units.find((u) => u.id === unitId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    setFailure('');
    const missing: Record<string, string> = {};
    if (!unitId) missing['grants.0.unitId'] = t('admin.add.unitRequired');
    if (!role) missing['grants.0.role'] = t('admin.add.roleRequired');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const created = await api<AdminAccount & { created: boolean; invited: boolean }>('/admin/accounts', {
        method: 'POST',
        body: { email, displayName: name, grants: [{ unitId, role }], sendInvitation: invite },
      });
      const vars = { name: created.displayName, role: t(`roles.${role}`), unit: unit?.name ?? '' };
      setDone([t(created.created ? 'admin.add.created' : 'admin.add.existing', vars), created.invited ? t('admin.add.invited') : ''].filter(Boolean).join(' '));
      setEmail('');
      setName('');
      setInvite(false);
      await queryClient.invalidateQueries({ queryKey: adminAccountsKey });
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        setErrors(fields);
        if (Object.keys(fields).length === 0) setFailure(err.message);
      } else setFailure(t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="add-account-heading" className="admin-add">
      <h2 id="add-account-heading">{t('admin.add.title')}</h2>
      <p className="muted">{t('admin.add.intro')}</p>
      <Form onSubmit={submit} validationBehavior="aria">
        <TextInput label={t('admin.add.email')} type="email" autoComplete="off" value={email} onChange={setEmail} isRequired maxLength={320} error={errors['email']} />
        <TextInput label={t('admin.add.name')} autoComplete="off" value={name} onChange={setName} isRequired maxLength={200} error={errors['displayName']} />
        <UnitPicker label={t('admin.add.unit')} units={units} value={unitId} onChange={setUnitId} error={errors['grants.0.unitId']} isRequired />
        <RolePicker label={t('admin.add.role')} maxRank={unit?.rank ?? Math.max(...units.map((u) => u.rank))} value={role} onChange={setRole} error={errors['grants.0.role']} isRequired />
        <Checkbox className="checkbox" isSelected={invite} onChange={setInvite}>
          <span className="checkbox__box" aria-hidden="true" />
          {t('admin.add.invite')}
        </Checkbox>
        <div className="actions">
          <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('admin.add.submit')}</Button>
        </div>
      </Form>
      <StatusMessage kind="error">{failure}</StatusMessage>
      <StatusMessage kind="ok">{done}</StatusMessage>
    </section>
  );
}
