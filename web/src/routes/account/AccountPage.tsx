import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { Dashboard } from '../home/api.ts';
import { SessionsSection } from './SessionsSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import './account.css';

/** /account: my details and roles, where I am signed in, my API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  // The dashboard answer names the units of my roles; it is usually cached from the home page.
  const roles = useQuery({ queryKey: ['dashboard'], queryFn: () => api<Dashboard>('/dashboard') }).data?.roles;
  if (!session?.account) return null;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <section aria-labelledby="details-heading" className="account-section">
        <h2 id="details-heading">{t('account.details')}</h2>
        <dl className="facts">
          <dt>{t('account.name')}</dt><dd>{session.account.displayName}</dd>
          <dt>{t('account.email')}</dt><dd>{session.account.email}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>
            {session.grants.length === 0 ? t('account.noRoles') : (
              <ul className="plain-list">
                {(roles ?? session.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: '' }))).map((r) => (
                  <li key={`${r.unitId}-${r.role}`}>
                    {r.unitName
                      ? <Trans i18nKey="account.roleAt" values={{ role: t(`roles.${r.role}`), unit: r.unitName }} components={{ unit: <Link to={`/units/${r.unitId}`} /> }} />
                      : t(`roles.${r.role}`)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <SessionsSection />
      <TokensSection />
    </>
  );
}
