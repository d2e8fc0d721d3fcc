import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useSession } from '../../api/session.ts';

/** Links between the organising pages, each shown to those whose role includes it. */
export function OrganisingNav() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const may = (p: string) => hasPermission(session, p);
  const links = [
    { to: '/organising', label: t('organising.nav.dashboard'), show: may('conversations.log') },
    { to: '/organising/my-people', label: t('organising.nav.myPeople'), show: may('conversations.log') },
    { to: '/organising/ladder', label: t('organising.nav.ladder'), show: may('ladder.manage') },
    { to: '/organising/leaders', label: t('organising.nav.leaders'), show: may('ladder.manage') },
    { to: '/organising/issues', label: t('organising.nav.salience'), show: may('salience.read') },
    { to: '/organising/taxonomy', label: t('organising.nav.taxonomy'), show: may('conversations.log') || may('issues.manage') },
  ].filter((l) => l.show);
  return (
    <nav aria-label={t('organising.nav.label')} className="sub-nav">
      <ul>{links.map((l) => <li key={l.to}><NavLink to={l.to} end>{l.label}</NavLink></li>)}</ul>
    </nav>
  );
}
