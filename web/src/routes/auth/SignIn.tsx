import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { ApiError, api } from '../../api/client.ts';
import { TextInput } from '../../components/TextInput.tsx';

export function SignIn() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setState('sending');
    try {
      await api('/auth/sign-in', { method: 'POST', body: { email } });
      setState('sent');
    } catch (err) {
      setState('idle');
      setError(err instanceof ApiError ? (err.fieldErrors()['email'] ?? err.message) : t('common.error'));
    }
  }

  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {state === 'sent' ? (
        <p role="status" className="notice notice--ok">{t('signIn.sent')}</p>
      ) : (
        <Form onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('signIn.email')} type="email" name="email" autoComplete="email" isRequired value={email} onChange={setEmail} error={error ?? undefined} />
          <div className="actions">
            <Button type="submit" isDisabled={state === 'sending'}>{t('signIn.submit')}</Button>
          </div>
        </Form>
      )}
    </>
  );
}
