import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { AdminAccount } from './api.ts';
import { GrantRoleDialog } from './GrantRoleDialog.tsx';
import type { PermittedUnit } from './unitsWithPermission.ts';

/** One account: its roles in my units, each removable, plus add-a-role and disable/enable, each confirmed first. */
export function AccountCard({ account, units, canReadAudit, onChanged }: {
  account: AdminAccount;
  units: PermittedUnit[];
  canReadAudit: boolean;
  /** Announce what changed and refresh the list. */
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = account.displayName;
  const headingId = `account-${account.id}`;
  // The button pressed may be gone after the change; keep focus on this account.
  const refocus = () => headingRef.current?.focus();
  const toggle = account.disabled ? 'enable' : 'disable';

  return (
    <li className="card admin-account">
      <div className="admin-account__head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>{name}</h3>
        {account.disabled && <span className="admin-badge">{t('admin.list.disabledBadge')}</span>}
      </div>
      <dl className="facts">
        <dt>{t('admin.list.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('admin.list.lastSignIn')}</dt>
        <dd>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : t('admin.list.never')}</dd>
      </dl>
      <h4 className="admin-account__roles">{t('admin.list.roles')}</h4>
      {account.grants.length === 0 ? <p className="muted">{t('admin.list.noRoles')}</p> : (
        <ul className="admin-grants">
          {account.grants.map((g) => {
            const vars = { name, role: t(`roles.${g.role}`), unit: g.unitName };
            return (
              <li key={g.id}>
                <span>{t('admin.list.roleOn', vars)}</span>
                <ConfirmDialog
                  triggerLabel={t('admin.revoke.open')}
                  triggerAriaLabel={t('admin.revoke.openLabel', vars)}
                  triggerClassName="button--secondary button--small"
                  title={t('admin.revoke.title')}
                  confirmLabel={t('admin.revoke.confirm')}
                  destructive
                  onConfirm={() => api(`/admin/grants/${g.id}`, { method: 'DELETE' })}
                  onDone={() => void onChanged(t('admin.revoke.done', vars)).then(refocus)}
                >
                  <p>{t('admin.revoke.body', vars)}</p>
                </ConfirmDialog>
              </li>
            );
          })}
        </ul>
      )}
      <div className="actions">
        <GrantRoleDialog account={account} units={units} onGranted={(message) => onChanged(message).then(refocus)} />
        <ConfirmDialog
          triggerLabel={t(`admin.${toggle}.open`)}
          triggerAriaLabel={t(`admin.${toggle}.openLabel`, { name })}
          triggerClassName="button--secondary"
          title={t(`admin.${toggle}.title`)}
          confirmLabel={t(`admin.${toggle}.confirm`)}
          destructive={toggle === 'disable'}
          onConfirm={() => api(`/admin/accounts/${account.id}/${toggle}`, { method: 'POST' })}
          onDone={() => void onChanged(t(`admin.${toggle}.done`, { name })).then(refocus)}
        >
          <p>{t(`admin.${toggle}.body`, { name })}</p>
        </ConfirmDialog>
        {canReadAudit && (
          <Link to={`/audit?entityType=account&entityId=${account.id}`} aria-label={t('admin.list.historyLabel', { name })}>{t('admin.list.history')}</Link>
        )}
      </div>
    </li>
  );
}
