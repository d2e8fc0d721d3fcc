import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../api/conversations.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { formatDate } from '../../../components/format.ts';
import { ScaleTrend } from './ScaleTrend.tsx';

/** A person's ratings over time: a small line per scale, and the table with every rating. */
export function AssessmentHistory({ items, name }: { items: Assessment[]; name: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('conversations.person.assessmentsEmpty')}</p>;
  const byScale = new Map<string, Assessment[]>();
  for (const a of items) byScale.set(a.scale.key, [...(byScale.get(a.scale.key) ?? []), a]);
  return (
    <>
      <div className="trend-grid">
        {[...byScale.values()].filter((list) => list.length > 1).map((list) => <ScaleTrend key={list[0]!.scale.key} items={list} />)}
      </div>
      <DataTable
        caption={t('conversations.person.assessmentsCaption', { name })}
        columns={[
          { key: 'when', header: t('conversations.person.when'), isRowHeader: true, className: 'nowrap', cell: (a) => formatDate(a.assessedAt) },
          { key: 'scale', header: t('conversations.person.scale'), cell: (a) => (a.phase === 'single' ? a.scale.label : t(`conversations.assess.${a.phase}`, { scale: a.scale.label })) },
          { key: 'value', header: t('conversations.person.value'), cell: (a) => `${a.value}${a.valueLabel ? ` (${a.valueLabel})` : ''}` },
        ]}
        rows={items}
        rowKey={(a) => a.id}
      />
    </>
  );
}
