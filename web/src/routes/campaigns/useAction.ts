import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

export interface ActionMessage { kind: 'ok' | 'error'; text: string }

/**
 * One write from a campaign panel: runs it, says what happened in the panel's status line (the
 * server's message when it refuses), and keeps the buttons disabled meanwhile. `run` resolves to
 * the answer, or null when the write failed.
 */
export function useAction() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<T>, ok: (result: T) => string): Promise<T | null> {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call();
      setMessage({ kind: 'ok', text: ok(result) });
      return result;
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { message, busy, run };
}
