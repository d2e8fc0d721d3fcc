import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { createPerson, peopleKeys, useCustomFields, useUnits } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { personName } from '../personName.ts';
import { failureOf, PersonForm } from './PersonForm.tsx';
import { createBody, emptyValues } from './personFormValues.ts';
import '../people.css';

/** /people/new: add one person. */
export function PersonNew() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const units = useUnits();
  const fields = useCustomFields();
  // One id and one Idempotency-Key per attempt: a double submit or a retry after a lost answer
  // returns the same person instead of adding them twice.
  const personId = useRef(crypto.randomUUID());
  const key = useRef(crypto.randomUUID());
  // The first unit where the caller may add people, nearest the people they work with.
  const grant = session?.grants.filter((g) => g.permissions.includes('people.create')).at(-1);
  const unitId = grant?.unitId ?? units.data?.[0]?.id ?? '';

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('people.form.newTitle') }]} />
      <PageHeader title={t('people.form.newTitle')} />
      {!hasPermission(session, 'people.create') ? <NotAllowed /> : <QueryState isLoading={units.isLoading || fields.isLoading} error={units.error ?? fields.error}>
        <PersonForm
          initial={emptyValues(unitId)}
          submitLabel={t('people.form.create')}
          cancelTo="/people"
          onSubmit={async (values) => {
            const rows = values.contacts.filter((c) => c.value.trim() !== '');
            try {
              const person = await createPerson(createBody(values, fields.data ?? [], personId.current), key.current);
              await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
              navigate(`/people/${person.id}`, { state: { flash: t('people.form.created', { name: personName(person) }) } });
              return null;
            } catch (err) {
              // A refused request stored nothing, so the corrected form is a new request with a new key.
              if (err instanceof ApiError && err.status >= 400 && err.status < 500) key.current = crypto.randomUUID();
              return failureOf(err, t('common.error'), (path) => {
                const m = /^contacts\.(\d+)\./.exec(path);
                return m ? rows[Number(m[1])]?.key : undefined;
              });
            }
          }}
        />
      </QueryState>}
    </>
  );
}
