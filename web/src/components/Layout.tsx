import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-aria-components';
import { NavLink, Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { hasPermission, useSession } from '../api/session.ts';

/** Page frame: skip link, header with navigation, main landmark, footer. Moves focus to <h1> on navigation. */
export function Layout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) { first.current = false; return; }
    // Announce the new page to screen readers and keyboard users by focusing its heading.
    const h1 = mainRef.current?.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); } else mainRef.current?.focus();
  }, [location.pathname]);

  async function signOut() {
    await api('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    queryClient.clear();
    navigate('/sign-in');
  }

  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.home'), show: !!session?.signedIn },
    { to: '/people', label: t('nav.people'), show: hasPermission(session, 'people.read') },
    { to: '/conversations', label: t('nav.conversations'), show: hasPermission(session, 'conversations.log') || hasPermission(session, 'conversations.read') },
    { to: '/organising', label: t('nav.organising'), show: hasPermission(session, 'conversations.log') },
    { to: '/events', label: t('nav.events'), show: hasPermission(session, 'events.read') },
    { to: '/campaigns', label: t('nav.campaigns'), show: hasPermission(session, 'campaigns.read') },
    { to: '/programmes', label: t('nav.programmes'), show: hasPermission(session, 'events.read') },
    { to: '/units', label: t('nav.units'), show: !!session?.signedIn },
    { to: '/elections', label: t('nav.elections'), show: !!session?.signedIn },
    { to: '/audit', label: t('nav.audit'), show: hasPermission(session, 'audit.read') },
    { to: '/admin', label: t('nav.admin'), show: hasPermission(session, 'roles.manage') },
    { to: '/account', label: t('nav.account'), show: !!session?.signedIn },
  ];

  // React Aria links (href) navigate through the router, not by reloading the page.
  return (
    <RouterProvider navigate={navigate} useHref={useHref}>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand">{t('app.name')}</NavLink>
          <nav className="site-nav" aria-label={t('app.nav')}>
            <ul>
              {links.filter((l) => l.show).map((l) => (
                <li key={l.to}><NavLink to={l.to} end={l.to === '/'}>{l.label}</NavLink></li>
              ))}
              {session?.signedIn ? (
                <li><button type="button" className="button--link" style={{ color: 'inherit' }} onClick={signOut}>{t('nav.signOut')}</button></li>
              ) : (
                <li><NavLink to="/sign-in">{t('nav.signIn')}</NavLink></li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer"><div className="site-footer__inner">{t('app.footer')}</div></footer>
    </RouterProvider>
  );
}
