import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb { label: string; to?: string }

/** Where this page sits: a labelled nav with an ordered list; the last crumb is the current page. */
export function Breadcrumbs({ items, label }: { items: Crumb[]; label?: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <nav aria-label={label ?? t('common.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${c.label}`}>
              {c.to && !last ? <Link to={c.to}>{c.label}</Link> : <span aria-current={last ? 'page' : undefined}>{c.label}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
