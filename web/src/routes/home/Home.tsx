import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useSession } from '../../api/session.ts';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useDashboard, type Dashboard } from './api.ts';
import { UnitBreakdown } from './UnitBreakdown.tsx';
import './home.css';

/** The home dashboard: my roles, figures for my scope, people per unit, my recent actions. */
export function Home() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const dashboard = useDashboard();
  if (!session?.account) return null;
  const d = dashboard.data;
  return (
    <>
      <PageHeader title={t('home.title', { name: session.account.displayName })} lead={t('home.lead')} />
      <QueryState isLoading={dashboard.isLoading} error={dashboard.error} retry={() => void dashboard.refetch()}>
        {d && (
          <>
            <section aria-labelledby="home-roles">
              <h2 id="home-roles">{t('home.scope')}</h2>
              {d.roles.length === 0 ? <p className="empty-state">{t('home.noRoles')}</p> : (
                <ul className="role-list">
                  {d.roles.map((r) => (
                    <li key={`${r.unitId}-${r.role}`}>
                      <Trans i18nKey="home.roleAt" values={{ role: t(`roles.${r.role}`), unit: r.unitName }} components={{ unit: <Link to={`/units/${r.unitId}`} /> }} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <Figures d={d} />
            <section aria-labelledby="home-quick" className="home-section">
              <h2 id="home-quick">{t('home.quick')}</h2>
              <QuickLinks />
            </section>
            <section aria-labelledby="home-recent" className="home-section">
              <h2 id="home-recent">{t('home.recent')}</h2>
              {d.recentActions.length === 0 ? <p className="empty-state">{t('home.noRecent')}</p> : (
                <ul className="recent-list">
                  {d.recentActions.map((a) => (
                    <li key={a.id}>
                      <span>{t(`home.actions.${a.action}`, { defaultValue: a.action })}</span>
                      <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

function Figures({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  if (d.roles.length === 0) return null;
  const f = d.figures;
  return (
    <section aria-labelledby="home-figures" className="home-section">
      <h2 id="home-figures">{t('home.figures')}</h2>
      {!f ? <p className="empty-state">{t('home.noPeopleAccess')}</p> : (
        <>
          <dl className="stats">
            <div><dt>{t('home.people')}</dt><dd>{formatNumber(f.people)}</dd></div>
            <div><dt>{t('home.added')}</dt><dd>{formatNumber(f.addedLast30Days)}</dd></div>
            <div><dt>{t('home.members')}</dt><dd>{formatNumber(f.members)}</dd></div>
            <div><dt>{t('home.supporters')}</dt><dd>{formatNumber(f.supporters)}</dd></div>
          </dl>
          {f.people === 0 ? <EmptyScope /> : (
            <>
              <h3>{t('home.breakdown')}</h3>
              <UnitBreakdown rows={d.breakdown} />
              {d.breakdownTruncated && <p className="muted">{t('home.truncated')}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}

function EmptyScope() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <div className="empty-state">
      <p>{t('home.noPeople')}</p>
      {hasPermission(session, 'people.import') && <p><Link to="/people/import">{t('home.importPeople')}</Link></p>}
    </div>
  );
}

function QuickLinks() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const links = [
    { to: '/people', label: t('home.findPerson'), show: hasPermission(session, 'people.read') },
    { to: '/people/import', label: t('home.importPeople'), show: hasPermission(session, 'people.import') },
    { to: '/units', label: t('home.units'), show: true },
    { to: '/areas', label: t('home.areas'), show: true },
    { to: '/account', label: t('home.account'), show: true },
  ];
  return <ul className="quick-links">{links.filter((l) => l.show).map((l) => <li key={l.to}><Link to={l.to}>{l.label}</Link></li>)}</ul>;
}
