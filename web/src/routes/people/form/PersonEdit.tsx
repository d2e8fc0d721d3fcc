import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { peopleKeys, updatePerson, useCustomFields, usePerson, type CustomField, type PersonDetail } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { personName } from '../personName.ts';
import { failureOf, PersonForm, type SaveFailure } from './PersonForm.tsx';
import { updateBody, valuesOf, type PersonFormValues } from './personFormValues.ts';
import '../people.css';

/**
 * Saves an edit in one request: the changed details, and the whole list of contacts and of tags
 * when they changed. The server applies all of it or none, so a refusal leaves nothing half-saved.
 */
async function save(person: PersonDetail, before: PersonFormValues, after: PersonFormValues, defs: CustomField[], fallback: string): Promise<SaveFailure | null> {
  const details = updateBody(before, after, defs);
  const rows = after.contacts.filter((c) => c.value.trim() !== '');
  const contacts = rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), kind: r.kind, value: r.value.trim(), label: r.label, isPrimary: r.isPrimary }));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const wereContacts = person.contacts.map((c) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label, isPrimary: c.isPrimary }));
  const body = {
    ...details,
    ...(same(contacts, wereContacts) ? {} : { contacts }),
    ...(same(before.tags, after.tags) ? {} : { tags: after.tags }),
  };
  if (Object.keys(body).length === 0) return null;
  try {
    await updatePerson(person.id, body);
    return null;
  } catch (err) {
    // "contacts.2.value" belongs to the third row sent; the form shows it beside that row.
    return failureOf(err, fallback, (path) => {
      const row = /^contacts\.(\d+)\./.exec(path);
      return row ? rows[Number(row[1])]?.key : path.startsWith('tags') ? 'tags' : undefined;
    });
  }
}

/** /people/:id/edit: change a person's details, contacts and tags. */
export function PersonEdit() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = usePerson(id);
  const { data: session } = useSession();
  const fields = useCustomFields();
  const name = person.data ? personName(person.data) : '';

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: name || '…', to: `/people/${id}` }, { label: t('people.form.editCrumb') }]} />
      <PageHeader title={person.data ? t('people.form.editTitle', { name }) : t('people.form.editCrumb')} />
      {!hasPermission(session, 'people.update') ? <NotAllowed /> : <QueryState isLoading={person.isLoading || fields.isLoading} error={person.error ?? fields.error}>
        {person.data && (
          <PersonForm
            key={person.data.id}
            initial={valuesOf(person.data)}
            submitLabel={t('people.form.save')}
            cancelTo={`/people/${person.data.id}`}
            onSubmit={async (values) => {
              const p = person.data!;
              const failure = await save(p, valuesOf(p), values, fields.data ?? [], t('common.error'));
              await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
              if (failure) return failure;
              navigate(`/people/${p.id}`, { state: { flash: t('people.form.saved', { name: personName({ firstName: values.firstName, lastName: values.lastName }) }) } });
              return null;
            }}
          />
        )}
      </QueryState>}
    </>
  );
}
