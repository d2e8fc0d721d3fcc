import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { tokensKey, useMyTokens, type TokenRow } from './api.ts';
import { NewToken } from './NewToken.tsx';

/** My personal API tokens: create (secret shown once), list with last use, revoke. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useMyTokens();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const [message, setMessage] = useState('');
  const [backToForm, setBackToForm] = useState(false);
  // The form comes back only after the new token is dismissed, so focus it once it exists.
  useEffect(() => {
    if (backToForm && !fresh) { nameRef.current?.focus(); setBackToForm(false); }
  }, [backToForm, fresh]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      const created = await api<TokenRow & { token: string }>('/account/tokens', { method: 'POST', body: { name } });
      setFresh({ name: created.name, token: created.token });
      setName('');
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors()['name'] ?? err.message) : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  async function revoked(token: TokenRow) {
    setMessage(t('account.tokens.revoked', { name: token.name }));
    await queryClient.invalidateQueries({ queryKey: tokensKey });
    // The row and its button are gone; put focus somewhere that still exists.
    headingRef.current?.focus();
  }

  return (
    <section aria-labelledby="tokens-heading" className="account-section">
      <h2 id="tokens-heading" ref={headingRef} tabIndex={-1}>{t('account.tokens.title')}</h2>
      <p>{t('account.tokens.intro')}</p>
      {fresh ? (
        <NewToken name={fresh.name} token={fresh.token} onDone={() => { setFresh(null); setBackToForm(true); }} />
      ) : (
        <Form onSubmit={create} validationBehavior="aria" className="token-form">
          <TextInput label={t('account.tokens.name')} hint={t('account.tokens.nameHint')} value={name} onChange={setName} error={error} isRequired maxLength={100} autoComplete="off" inputRef={nameRef} />
          <div className="actions"><Button type="submit" isDisabled={busy}>{busy ? t('common.working') : t('account.tokens.create')}</Button></div>
        </Form>
      )}
      <StatusMessage kind="ok">{message}</StatusMessage>
      <QueryState isLoading={tokens.isLoading} error={tokens.error} retry={() => void tokens.refetch()}>
        {tokens.data && (
          <DataTable
            caption={t('account.tokens.caption')}
            rows={tokens.data}
            rowKey={(k) => k.id}
            empty={t('account.tokens.empty')}
            columns={[
              { key: 'name', header: t('account.tokens.name'), isRowHeader: true, cell: (k) => k.name },
              { key: 'prefix', header: t('account.tokens.prefix'), cell: (k) => <code>{k.prefix}…</code> },
              { key: 'created', className: 'nowrap', header: t('account.tokens.created'), cell: (k) => formatDateTime(k.createdAt) },
              { key: 'used', className: 'nowrap', header: t('account.tokens.lastUsed'), cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('account.tokens.never')) },
              {
                key: 'actions',
                header: t('account.tokens.actions'),
                cell: (k) => (
                  <ConfirmDialog
                    triggerLabel={t('account.tokens.revoke')}
                    triggerAriaLabel={t('account.tokens.revokeLabel', { name: k.name })}
                    triggerClassName="button--secondary"
                    title={t('account.tokens.revokeTitle', { name: k.name })}
                    confirmLabel={t('account.tokens.revoke')}
                    destructive
                    onConfirm={() => api(`/account/tokens/${k.id}`, { method: 'DELETE' })}
                    onDone={() => void revoked(k)}
                  >
                    <p>{t('account.tokens.revokeBody')}</p>
                  </ConfirmDialog>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
