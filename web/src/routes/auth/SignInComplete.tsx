import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { fetchSession, sessionKey } from '../../api/session.ts';

/**
 * The sign-in link carries its token in the URL fragment, which browsers never send to the
 * server; this page posts it, so link previews that fetch the URL cannot use up the token.
 */
export function SignInComplete() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    window.history.replaceState(null, '', window.location.pathname);
    api('/auth/complete', { method: 'POST', body: { token } })
      .then(async () => {
        // Fetch the session afresh (not via invalidation, which could keep an answer that was
        // already in flight from before the cookie existed).
        await queryClient.cancelQueries({ queryKey: sessionKey });
        queryClient.setQueryData(sessionKey, await fetchSession());
        navigate('/', { replace: true });
      })
      .catch(() => setFailed(true));
  }, [token, navigate, queryClient]);

  if (!token && !started.current) {
    return (<><h1>{t('signIn.title')}</h1><p className="notice notice--error" role="alert">{t('signIn.missing')}</p><p><Link to="/sign-in">{t('signIn.again')}</Link></p></>);
  }
  return failed ? (
    <><h1>{t('signIn.title')}</h1><p className="notice notice--error" role="alert">{t('signIn.failed')}</p><p><Link to="/sign-in">{t('signIn.again')}</Link></p></>
  ) : (
    <><h1>{t('signIn.title')}</h1><p role="status">{t('signIn.completing')}</p></>
  );
}
