import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { DataTable, PageHeader, QueryState, SelectField, StatusMessage, TextInput, useCursorPager } from '../../components/index.ts';
import { unitsWithPermission } from '../admin/unitsWithPermission.ts';
import { useUnits } from '../units/api.ts';
import { pollKeys, type Page, type Programme, type ProgrammeDetail } from './api.ts';
import './polls.css';

function NewProgramme() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choices = useMemo(() => unitsWithPermission(units.data ?? [], session, 'events.manage'), [units.data, session]);
  const [unitId, setUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const p = await api<ProgrammeDetail>('/programmes', { method: 'POST', body: { unitId: unitId || choices[0]?.id, title, description } });
      await queryClient.invalidateQueries({ queryKey: pollKeys.all });
      navigate(`/programmes/${p.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setFormError(err.message);
      } else throw err;
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-programme">
      <h2 id="new-programme">{t('polls.list.newTitle')}</h2>
      {formError && <StatusMessage kind="error">{formError}</StatusMessage>}
      {choices.length > 1 && (
        <SelectField label={t('polls.list.unitField')} hint={t('polls.list.unitHint')} options={choices.map((u) => ({ id: u.id, label: u.name }))} value={unitId || choices[0]!.id} onChange={(v) => setUnitId(v ?? '')} error={errors.unitId} isRequired />
      )}
      <TextInput label={t('polls.list.titleField')} value={title} onChange={setTitle} error={errors.title} isRequired autoComplete="off" />
      <TextInput label={t('polls.list.descriptionField')} value={description} onChange={setDescription} error={errors.description} autoComplete="off" />
      <button type="submit">{t('polls.list.create')}</button>
    </form>
  );
}

/** /programmes: the listening programmes I may see, and starting a new one. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const pager = useCursorPager();
  const list = useQuery({
    queryKey: pollKeys.programmes({ cursor: pager.cursor }),
    queryFn: () => api<Page<Programme>>(`/programmes?${new URLSearchParams({ limit: '25', ...(pager.cursor ? { cursor: pager.cursor } : {}) })}`),
  });
  return (
    <>
      <PageHeader title={t('polls.list.title')} lead={t('polls.list.lead')} />
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('polls.list.caption')}
          rows={list.data?.items ?? []}
          rowKey={(p) => p.id}
          empty={t('polls.list.empty')}
          columns={[
            { key: 'title', header: t('polls.list.programme'), isRowHeader: true, cell: (p) => <Link to={`/programmes/${p.id}`}>{p.title}</Link> },
            { key: 'unit', header: t('polls.list.unit'), cell: (p) => p.unitName },
            { key: 'meetings', header: t('polls.list.meetings'), cell: (p) => p.meetingCount },
            { key: 'questions', header: t('polls.list.questions'), cell: (p) => p.questionCount },
          ]}
          pager={{
            hasPrevious: pager.hasPrevious, hasNext: !!list.data?.nextCursor, page: pager.page, isLoading: list.isFetching,
            onPrevious: pager.previous, onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
          }}
        />
      </QueryState>
      {hasPermission(session, 'events.manage') && <NewProgramme />}
    </>
  );
}
