import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown instead of a tool the caller's roles do not include (the server refuses it anyway). */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('people.manage.notAllowed')}</p>
      <p><Link to="/people">{t('people.manage.back')}</Link></p>
    </div>
  );
}
