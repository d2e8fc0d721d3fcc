import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSession } from '../../../api/session.ts';

// Loaded on first use, so the person page stays light for those who never see it.
const PersonOrganising = lazy(() => import('./PersonOrganising.tsx').then((m) => ({ default: m.PersonOrganising })));

/** The organising section of a person's page, for those who log or read conversations. */
export function PersonOrganisingSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!hasPermission(session, 'conversations.log') && !hasPermission(session, 'conversations.read')) return null;
  return (
    <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
      <PersonOrganising personId={personId} />
    </Suspense>
  );
}
