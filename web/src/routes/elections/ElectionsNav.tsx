import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useSession } from '../../api/session.ts';

/** Links between the elections pages. */
export function ElectionsNav() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const links = [
    { to: '/elections', label: t('elections.navResults') },
    { to: '/elections/seats', label: t('elections.navSeats') },
    { to: '/elections/targets', label: t('elections.navTargets') },
    { to: '/elections/impact', label: t('elections.navImpact') },
    ...(hasPermission(session, 'elections.manage') ? [{ to: '/elections/import', label: t('elections.navImport') }] : []),
  ];
  return (
    <nav aria-label={t('elections.navLabel')} className="elections-nav">
      <ul>{links.map((l) => <li key={l.to}><NavLink to={l.to} end>{l.label}</NavLink></li>)}</ul>
    </nav>
  );
}
