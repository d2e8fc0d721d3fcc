import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Loading and error states for a query, the same on every page. */
export function QueryState({ isLoading, error, retry, children }: { isLoading: boolean; error: unknown; retry?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (isLoading) return <p role="status">{t('common.loading')}</p>;
  if (error) {
    return (
      <div role="alert" className="notice notice--error">
        <p>{error instanceof ApiError ? error.message : t('common.error')}</p>
        {retry && <button type="button" className="button--secondary" onClick={retry}>{t('common.retry')}</button>}
      </div>
    );
  }
  return <>{children}</>;
}
