import { useTranslation } from 'react-i18next';

const show = (v: unknown, empty: string) => (v === null || v === undefined || v === '' ? empty : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The `changes` of an audit row: "field: before → after" for edits, "field: value" for facts. */
export function ChangesList({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <span className="muted">{t('audit.table.noChanges')}</span>;
  const empty = t('audit.table.empty_value');
  return (
    <dl className="audit-changes">
      {entries.map(([field, value]) => (
        <div key={field}>
          <dt>{field}</dt>
          <dd>
            {Array.isArray(value) && value.length === 2
              ? t('audit.table.changedFrom', { before: show(value[0], empty), after: show(value[1], empty) })
              : show(value, empty)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
