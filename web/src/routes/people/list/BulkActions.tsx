import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkTag, exportUrl, peopleKeys, usePeopleCount, useTags, type PeopleFilter } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { formatNumber } from '../../../components/format.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';

/**
 * What can be done to everyone the list matches, not only the page on screen: tag or untag
 * them all, or download them. The count is shown before anything happens.
 */
export function BulkActions({ filter }: { filter: PeopleFilter }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const count = usePeopleCount(filter);
  const tags = useTags();
  const [slug, setSlug] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayTag = hasPermission(session, 'people.update');
  const mayExport = hasPermission(session, 'people.export');
  if (!mayTag && !mayExport) return null;
  const n = count.data ?? 0;
  const tag = tags.data?.find((x) => x.slug === slug);

  async function run(mode: 'add' | 'remove') {
    if (!tag) return;
    const r = await bulkTag(filter, { [mode]: [tag.slug] });
    await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    await queryClient.invalidateQueries({ queryKey: peopleKeys.tags });
    setDone(mode === 'add'
      ? t('people.bulk.added', { count: r.added, tag: tag.name, matched: formatNumber(r.matched) })
      : t('people.bulk.removed', { count: r.removed, tag: tag.name, matched: formatNumber(r.matched) }));
  }

  return (
    <section aria-labelledby="bulk-heading" className="people-bulk">
      <h2 id="bulk-heading">{t('people.bulk.title', { count: n, n: formatNumber(n) })}</h2>
      {mayTag && (
        <div className="people-bulk__tag">
          <SelectField
            label={t('people.bulk.tag')}
            hint={t('people.bulk.tagHint')}
            placeholder={t('people.bulk.chooseTag')}
            options={(tags.data ?? []).map((x) => ({ id: x.slug, label: x.name }))}
            value={slug}
            onChange={(v) => { setSlug(v); setDone(null); }}
          />
          {tag && n > 0 && (
            <div className="actions">
              <ConfirmDialog
                triggerLabel={t('people.bulk.add', { tag: tag.name, count: n, n: formatNumber(n) })}
                title={t('people.bulk.addTitle', { tag: tag.name })}
                confirmLabel={t('people.bulk.addConfirm', { count: n, n: formatNumber(n) })}
                onConfirm={() => run('add')}
              >
                <p>{t('people.bulk.addBody', { tag: tag.name, count: n, n: formatNumber(n) })}</p>
              </ConfirmDialog>
              <ConfirmDialog
                triggerLabel={t('people.bulk.remove', { tag: tag.name, count: n, n: formatNumber(n) })}
                triggerClassName="button--secondary"
                title={t('people.bulk.removeTitle', { tag: tag.name })}
                confirmLabel={t('people.bulk.removeConfirm', { count: n, n: formatNumber(n) })}
                onConfirm={() => run('remove')}
                destructive
              >
                <p>{t('people.bulk.removeBody', { tag: tag.name, count: n, n: formatNumber(n) })}</p>
              </ConfirmDialog>
            </div>
          )}
          {done && <StatusMessage kind="ok">{done}</StatusMessage>}
        </div>
      )}
      {mayExport && n > 0 && (
        <div className="people-bulk__export">
          <p><a className="button button--secondary" href={exportUrl(filter)} download>{t('people.bulk.export', { count: n, n: formatNumber(n) })}</a></p>
          <p className="muted">{t('people.bulk.exportLogged')}</p>
        </div>
      )}
    </section>
  );
}
