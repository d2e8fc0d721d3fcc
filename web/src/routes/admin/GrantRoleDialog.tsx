import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { AdminAccount, AdminGrant, Role } from './api.ts';
import { RolePicker } from './RolePicker.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import type { PermittedUnit } from './unitsWithPermission.ts';

/** "Add a role" for one account: a modal form with unit and role; focus returns to the trigger on close. */
export function GrantRoleDialog({ account, units, onGranted }: { account: AdminAccount; units: PermittedUnit[]; onGranted: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const unit = units.find((u) => u.id === unitId);
  const name = account.displayName;

  async function submit(e: FormEvent, close: () => void) {
    e.preventDefault();
    setFailure('');
    const missing: Record<string, string> = {};
    if (!unitId) missing['unitId'] = t('admin.add.unitRequired');
    if (!role) missing['role'] = t('admin.add.roleRequired');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const grant = await api<AdminGrant>(`/admin/accounts/${account.id}/grants`, { method: 'POST', body: { unitId, role } });
      close();
      await onGranted(t('admin.grant.done', { name, role: t(`roles.${grant.role}`), unit: grant.unitName }));
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
    <DialogTrigger onOpenChange={(open) => { if (open) { setErrors({}); setFailure(''); setUnitId(null); setRole(null); } }}>
      <Button className="react-aria-Button button--secondary" aria-label={t('admin.grant.openLabel', { name })}>{t('admin.grant.open')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable={!busy}>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{t('admin.grant.title', { name })}</Heading>
                <Form onSubmit={(e) => void submit(e, close)} validationBehavior="aria">
                  <UnitPicker label={t('admin.add.unit')} units={units} value={unitId} onChange={setUnitId} error={errors['unitId']} isRequired />
                  <RolePicker label={t('admin.add.role')} maxRank={unit?.rank ?? Math.max(...units.map((u) => u.rank))} value={role} onChange={setRole} error={errors['role']} isRequired />
                  {failure && <p role="alert" className="notice notice--error">{failure}</p>}
                  <div className="actions">
                    <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('admin.grant.submit')}</Button>
                    <Button className="react-aria-Button button--secondary" onPress={close} isDisabled={busy}>{t('common.cancel')}</Button>
                  </div>
                </Form>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
