import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';

/** Shows its children to signed-in people and sends everyone else to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) return <p role="status">{t('common.loading')}</p>;
  if (error) return <p role="alert" className="notice notice--error">{t('common.error')}</p>;
  if (!data?.signedIn) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
