import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { createTag, deleteTag, peopleKeys, renameTag, useTags, type Tag } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { formatNumber } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { FormDialog } from './FormDialog.tsx';
import '../people.css';

const messageOf = (err: unknown, fallback: string) => (err instanceof ApiError ? Object.values(err.fieldErrors())[0] ?? err.message : fallback);

function RenameTag({ tag, onDone }: { tag: Tag; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(tag.name);
  return (
    <FormDialog
      triggerLabel={t('peopleTools.manageTags.rename')}
      triggerAriaLabel={t('peopleTools.manageTags.renameNamed', { name: tag.name })}
      title={t('peopleTools.manageTags.renameTitle', { name: tag.name })}
      submitLabel={t('peopleTools.manageTags.renameSubmit')}
      onOpen={() => setName(tag.name)}
      onSubmit={async () => {
        try {
          await renameTag(tag.id, name);
          await queryClient.invalidateQueries({ queryKey: peopleKeys.tags });
          await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
          onDone(t('peopleTools.manageTags.renamed', { from: tag.name, to: name.trim() }));
          return null;
        } catch (err) {
          return messageOf(err, t('common.error'));
        }
      }}
    >
      <TextInput label={t('peopleTools.manageTags.name')} value={name} onChange={setName} isRequired autoFocus />
    </FormDialog>
  );
}

/** /people/tags: the organisation's tags with how many people have each; create, rename, delete. */
export function TagsManage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const tags = useTags();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = hasPermission(session, 'tags.manage');

  async function create(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const tag = await createTag(name);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.tags });
      setName('');
      setNote(t('peopleTools.manageTags.created', { name: tag.name }));
    } catch (err) {
      setError(messageOf(err, t('common.error')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('peopleTools.manageTags.title') }]} />
      <PageHeader title={t('peopleTools.manageTags.title')} lead={t('peopleTools.manageTags.lead')} />
      {!allowed ? <p className="notice notice--error" role="alert">{t('people.manage.notAllowed')}</p> : (
        <>
          {note && <StatusMessage kind="ok">{note}</StatusMessage>}
          <section aria-labelledby="new-tag-heading" className="person-section">
            <h2 id="new-tag-heading">{t('peopleTools.manageTags.newHeading')}</h2>
            <Form onSubmit={create} validationBehavior="aria" className="inline-form">
              <TextInput label={t('peopleTools.manageTags.name')} hint={t('peopleTools.manageTags.nameHint')} value={name} onChange={setName} error={error} isRequired />
              <Button type="submit" isDisabled={busy}>{t('peopleTools.manageTags.create')}</Button>
            </Form>
          </section>
          <QueryState isLoading={tags.isLoading} error={tags.error} retry={() => void tags.refetch()}>
            <DataTable
              caption={t('peopleTools.manageTags.caption')}
              rows={tags.data ?? []}
              rowKey={(x) => x.id}
              empty={t('peopleTools.manageTags.none')}
              columns={[
                { key: 'name', header: t('peopleTools.manageTags.name'), cell: (x) => x.name, isRowHeader: true },
                { key: 'count', header: t('peopleTools.manageTags.count'), cell: (x) => <Link to={`/people?tag=${encodeURIComponent(x.slug)}`} aria-label={t('peopleTools.manageTags.countLink', { count: x.count, name: x.name })}>{formatNumber(x.count)}</Link> },
                {
                  key: 'actions', header: t('people.manage.actions'), cell: (x) => (
                    <div className="row-actions">
                      <RenameTag tag={x} onDone={setNote} />
                      <ConfirmDialog
                        triggerLabel={t('common.delete')}
                        triggerAriaLabel={t('peopleTools.manageTags.deleteNamed', { name: x.name })}
                        triggerClassName="button--secondary"
                        title={t('peopleTools.manageTags.deleteTitle', { name: x.name })}
                        confirmLabel={t('peopleTools.manageTags.deleteConfirm')}
                        destructive
                        onConfirm={async () => {
                          await deleteTag(x.id);
                          await queryClient.invalidateQueries({ queryKey: peopleKeys.tags });
                          await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
                          setNote(t('peopleTools.manageTags.deleted', { name: x.name }));
                        }}
                      >
                        <p>{t('peopleTools.manageTags.deleteBody', { count: x.count, n: formatNumber(x.count), name: x.name })}</p>
                      </ConfirmDialog>
                    </div>
                  ),
                },
              ]}
            />
          </QueryState>
        </>
      )}
    </>
  );
}
