import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';

/** The freshly created token, shown this once with a copy button; focus moves here so it is not missed. */
export function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('ok');
    } catch {
      // Clipboard access can be refused; leave the token selected so it can be copied by hand.
      inputRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="new-token notice notice--ok">
      <h3 ref={headingRef} tabIndex={-1}>{t('account.tokens.newTitle', { name })}</h3>
      <p><strong>{t('account.tokens.newWarning')}</strong></p>
      <TextInput label={t('account.tokens.tokenLabel')} value={token} isReadOnly inputRef={inputRef} className="field new-token__field" />
      <div className="actions">
        <Button onPress={copy}>{t('account.tokens.copy')}</Button>
        <Button className="react-aria-Button button--secondary" onPress={onDone}>{t('account.tokens.done')}</Button>
      </div>
      <StatusMessage kind={copied === 'failed' ? 'error' : 'ok'}>{copied === 'ok' ? t('account.tokens.copied') : copied === 'failed' ? t('common.copyFailed') : null}</StatusMessage>
    </div>
  );
}
