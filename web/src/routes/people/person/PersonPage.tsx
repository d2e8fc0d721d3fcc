import { useQueryClient } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { deletePerson, peopleKeys, useCustomFields, usePerson, type CustomField } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { personName } from '../personName.ts';
import { PersonContacts } from './PersonContacts.tsx';
import { PersonTags } from './PersonTags.tsx';
import { PersonOrganisingSection } from '../../conversations/person/PersonOrganisingSection.tsx';
import { PersonAttendance } from '../../events/PersonAttendance.tsx';
import '../people.css';

function showCustom(def: CustomField, v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (def.type === 'date' && typeof v === 'string') return formatDate(v);
  return v == null ? '' : String(v);
}

/** /people/:id: everything about one person, with tags changed in place. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const person = usePerson(id);
  const fields = useCustomFields();
  const p = person.data;
  const name = p ? personName(p) : '';
  const flash = (location.state as { flash?: string } | null)?.flash;
  const may = (perm: string) => hasPermission(session, perm);

  const fact = (label: string, value: string | null | undefined) => (value ? <><dt>{label}</dt><dd>{value}</dd></> : null);
  const custom = (fields.data ?? []).filter((d) => p && p.customFields[d.key] != null && showCustom(d, p.customFields[d.key]) !== '');

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: name || '…' }]} />
      <QueryState isLoading={person.isLoading} error={person.error} retry={() => void person.refetch()}>
        {p && (
          <>
            <PageHeader
              title={name}
              lead={t('people.person.lead', { status: t(`people.membership.${p.membershipStatus}`), unit: p.unit.name })}
              actions={(may('people.update') || may('people.delete')) && (
                <>
                  {may('people.update') && <Link className="button" to={`/people/${p.id}/edit`}>{t('people.person.edit')}</Link>}
                  {may('people.delete') && (
                    <ConfirmDialog
                      triggerLabel={t('people.person.delete')}
                      triggerClassName="button--secondary"
                      title={t('people.person.deleteTitle', { name })}
                      confirmLabel={t('people.person.deleteConfirm')}
                      destructive
                      onConfirm={async () => {
                        await deletePerson(p.id);
                        // Leave first, so the deleted record is not fetched again.
                        navigate('/people', { state: { flash: t('people.person.deleted', { name }) } });
                        queryClient.removeQueries({ queryKey: peopleKeys.one(p.id) });
                        await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
                      }}
                    >
                      <p>{t('people.person.deleteBody', { name })}</p>
                    </ConfirmDialog>
                  )}
                </>
              )}
            />
            {flash && <StatusMessage kind="ok">{flash}</StatusMessage>}
            <section className="person-section" aria-labelledby="details-heading">
              <h2 id="details-heading">{t('people.person.details')}</h2>
              <dl className="facts">
                {fact(t('people.fields.membershipStatus'), t(`people.membership.${p.membershipStatus}`))}
                {fact(t('people.fields.membershipNumber'), p.membershipNumber)}
                {fact(t('people.fields.joinedOn'), formatDate(p.joinedOn))}
                {fact(t('people.person.address'), [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean).join(', '))}
                {fact(t('people.fields.ward'), p.ward ? `${p.ward.name} (${p.ward.code})` : null)}
                {fact(t('people.fields.constituency'), p.constituency ? `${p.constituency.name} (${p.constituency.code})` : null)}
                {fact(t('people.fields.unit'), p.unit.name)}
                {fact(t('people.fields.source'), p.source)}
                {fact(t('people.fields.created'), formatDateTime(p.createdAt))}
                {fact(t('people.fields.updated'), formatDateTime(p.updatedAt))}
              </dl>
            </section>
            <PersonContacts person={p} />
            <PersonTags person={p} canEdit={may('people.update')} />
            <section className="person-section" aria-labelledby="custom-heading">
              <h2 id="custom-heading">{t('people.fields.customFields')}</h2>
              {custom.length === 0 ? <p className="muted">{t('people.person.noCustom')}</p> : (
                <dl className="facts">{custom.map((d) => <Fragment key={d.id}>{fact(d.label, showCustom(d, p.customFields[d.key]))}</Fragment>)}</dl>
              )}
            </section>
            <PersonOrganisingSection personId={p.id} />
            <PersonAttendance personId={p.id} />
          </>
        )}
      </QueryState>
    </>
  );
}
