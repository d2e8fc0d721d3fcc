import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../components/format.ts';

/** The four outcomes of an import as big figures. */
export function ImportCounts({ created, updated, unchanged, errors, future }: { created: number; updated: number; unchanged: number; errors: number; future?: boolean }) {
  const { t } = useTranslation();
  const mode = future ? 'will' : 'did';
  const items = [
    { key: 'created', n: created },
    { key: 'updated', n: updated },
    { key: 'unchanged', n: unchanged },
    { key: 'errors', n: errors },
  ];
  return (
    <ul className="import-counts">
      {items.map((i) => (
        <li key={i.key} className={`card import-counts__item${i.key === 'errors' && i.n > 0 ? ' import-counts__item--bad' : ''}`}>
          <span className="stat">{formatNumber(i.n)}</span> <span>{t(`peopleTools.import.counts.${mode}.${i.key}`, { count: i.n })}</span>
        </li>
      ))}
    </ul>
  );
}
