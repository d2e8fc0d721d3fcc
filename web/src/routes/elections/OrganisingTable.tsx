import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useOrganising } from './api.ts';
import { CsvButton } from './CsvButton.tsx';

/** Where organising happened, per constituency, from Tredegar's own records in a date range. */
export function OrganisingTable({ election }: { election: string }) {
  const { t } = useTranslation();
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const org = useOrganising(election, since || undefined, until || undefined);
  const sources = org.data?.sources ?? [];
  return (
    <section aria-labelledby="organising-heading">
      <h2 id="organising-heading">{t('elections.organising.title', { election })}</h2>
      <div className="elections-controls">
        <TextInput label={t('elections.organising.since')} type="date" value={since} onChange={setSince} />
        <TextInput label={t('elections.organising.until')} type="date" value={until} onChange={setUntil} />
      </div>
      <QueryState isLoading={org.isLoading} error={org.error}>
        {org.data && (
          <>
            <p className="muted">{org.data.description}</p>
            <DataTable
              caption={t('elections.organising.caption', { election })}
              rows={org.data.items}
              rowKey={(i) => i.code}
              empty={t('elections.organising.empty')}
              columns={[
                { key: 'name', header: t('elections.seat'), cell: (i) => i.name, isRowHeader: true },
                { key: 'region', header: t('elections.region'), cell: (i) => i.regionName },
                ...sources.map((s) => ({
                  key: s.key, className: 'num', header: t(`elections.organising.sources.${s.key}`, { defaultValue: s.label }),
                  cell: (i: (typeof org.data.items)[number]) => (i.counts[s.key] === null ? t('elections.organising.notRecorded') : String(i.counts[s.key])),
                })),
                { key: 'organised', header: t('elections.organising.organised'), cell: (i) => (i.organised ? t('common.yes') : t('common.no')) },
              ]}
            />
            <div className="actions">
              <CsvButton what={t('elections.organising.caption', { election })} fileName={`organising-${election}.csv`} rows={() => [
                ['code', 'name', 'region', ...sources.map((s) => s.key), 'organised'],
                ...org.data!.items.map((i) => [i.code, i.name, i.regionName, ...sources.map((s) => i.counts[s.key]), i.organised ? 'yes' : 'no']),
              ]} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
