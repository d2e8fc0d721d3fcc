import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useCursorPager } from '../../components/useCursorPager.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useUnits } from '../units/api.ts';
import { AccountCard } from './AccountCard.tsx';
import { AddAccountForm } from './AddAccountForm.tsx';
import { adminAccountsKey, roles, useAdminAccounts } from './api.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { unitsWithPermission } from './unitsWithPermission.ts';
import './admin.css';

/** /admin: the accounts holding roles in my units — find, add, grant, remove, disable and enable. */
export function AdminPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const unitsQuery = useUnits();
  const queryClient = useQueryClient();
  const units = useMemo(() => unitsWithPermission(unitsQuery.data ?? [], session, 'roles.manage'), [unitsQuery.data, session]);
  const [q, setQ] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('any');
  const [status, setStatus] = useState<string | null>('any');
  const [message, setMessage] = useState('');
  const pager = useCursorPager();
  const search = useDebouncedValue(q.trim());
  const filter = useMemo(
    () => ({ q: search || undefined, unit: unit ?? undefined, role: role && role !== 'any' ? role : undefined, status: status && status !== 'any' ? status : undefined }),
    [search, unit, role, status],
  );
  const { reset } = pager;
  useEffect(() => reset(), [filter, reset]);
  const accounts = useAdminAccounts(filter, pager.cursor);

  async function changed(text: string) {
    setMessage(text);
    await queryClient.invalidateQueries({ queryKey: adminAccountsKey });
  }

  if (!hasPermission(session, 'roles.manage')) {
    return (<><PageHeader title={t('admin.title')} /><p className="notice">{t('admin.noAccess')}</p></>);
  }
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
      <QueryState isLoading={unitsQuery.isLoading} error={unitsQuery.error} retry={() => void unitsQuery.refetch()}>
        <AddAccountForm units={units} />
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading">{t('admin.list.title')}</h2>
          <div role="search" aria-label={t('admin.filters.title')} className="admin-filters">
            <TextInput label={t('admin.filters.q')} type="search" value={q} onChange={setQ} autoComplete="off" />
            <UnitPicker label={t('admin.filters.unit')} hint={t('admin.filters.anyUnit')} units={units} value={unit} onChange={setUnit} />
            <SelectField label={t('admin.filters.role')} value={role} onChange={setRole} options={[{ id: 'any', label: t('admin.filters.anyRole') }, ...roles.map((r) => ({ id: r, label: t(`roles.${r}`) }))]} />
            <SelectField
              label={t('admin.filters.status')}
              value={status}
              onChange={setStatus}
              options={[{ id: 'any', label: t('admin.filters.anyStatus') }, { id: 'active', label: t('admin.filters.active') }, { id: 'disabled', label: t('admin.filters.disabled') }]}
            />
          </div>
          <StatusMessage kind="ok">{message}</StatusMessage>
          <QueryState isLoading={accounts.isLoading} error={accounts.error} retry={() => void accounts.refetch()}>
            {accounts.data && (accounts.data.items.length === 0 && !pager.hasPrevious ? (
              <p className="empty-state">{t('admin.list.empty')}</p>
            ) : (
              <>
                <p className="muted" role="status">{t('admin.list.count', { count: accounts.data.items.length })}</p>
                <ul className="admin-accounts">
                  {accounts.data.items.map((a) => (
                    <AccountCard key={a.id} account={a} units={units} canReadAudit={hasPermission(session, 'audit.read')} onChanged={changed} />
                  ))}
                </ul>
                {(pager.hasPrevious || accounts.data.nextCursor) && (
                  <nav className="actions pager" aria-label={t('common.pagination', { caption: t('admin.list.title') })}>
                    {pager.hasPrevious && <Button className="react-aria-Button button--secondary" onPress={pager.previous}>{t('common.previous')}</Button>}
                    <span className="muted">{t('common.page', { page: pager.page })}</span>
                    {accounts.data.nextCursor && <Button className="react-aria-Button button--secondary" onPress={() => pager.next(accounts.data!.nextCursor!)}>{t('common.next')}</Button>}
                  </nav>
                )}
              </>
            ))}
          </QueryState>
        </section>
      </QueryState>
    </>
  );
}
