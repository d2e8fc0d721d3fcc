import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../api/people.ts';

/** A person's emails and phones with label, which is main, and whether each is known to work. */
export function PersonContacts({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  return (
    <section className="person-section" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('people.fields.contacts')}</h2>
      {person.contacts.length === 0 ? <p className="muted">{t('people.person.noContacts')}</p> : (
        <ul className="contact-list">
          {person.contacts.map((c) => (
            <li key={c.id} className="contact-list__item">
              <span className="contact-list__kind">{t(`people.contactKinds.${c.kind}`)}</span>{' '}
              <a href={c.kind === 'email' ? `mailto:${c.value}` : `tel:${c.value.replace(/\s/g, '')}`}>{c.value}</a>{' '}
              <span className="muted">
                {[t(`people.contactLabels.${c.label}`), c.isPrimary ? t('people.person.primary') : null, t(`people.contactStatuses.${c.status}`)].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
