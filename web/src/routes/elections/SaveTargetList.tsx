import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useUnits, type TargetList } from './api.ts';

/** Saves seats as a unit's target list; shown to people who may manage target lists somewhere. */
export function SaveTargetList({ election, seats, basis, defaultName }: { election: string; seats: string[]; basis: Record<string, string | number>; defaultName: string }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const queryClient = useQueryClient();
  const manageable = new Set(session?.grants.filter((g) => g.permissions.includes('targets.manage')).map((g) => g.unitId));
  const options = (units.data?.items ?? []).filter((u) => manageable.has(u.id)).map((u) => ({ id: u.id, label: u.name }));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [name, setName] = useState(defaultName);
  const save = useMutation({
    mutationFn: () => api<TargetList>('/elections/target-lists', { method: 'POST', body: { unitId: unitId ?? options[0]?.id, election, name, seats, basis } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['target-lists'] }),
  });
  if (manageable.size === 0 || seats.length === 0) return null;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Form onSubmit={submit} className="card elections-save">
      <h3>{t('elections.targets.saveTitle', { count: seats.length })}</h3>
      {options.length > 1 && <SelectField label={t('elections.targets.unit')} options={options} value={unitId ?? options[0]?.id} onChange={setUnitId} />}
      <TextInput label={t('elections.targets.name')} value={name} onChange={setName} isRequired maxLength={120} error={fieldErrors.name} />
      <div className="actions">
        <Button type="submit" isDisabled={save.isPending}>{t('elections.targets.save')}</Button>
      </div>
      <div role="status">
        {save.isSuccess && <p className="notice notice--ok">{t('elections.targets.saved')} <Link to={`/elections/targets/${save.data.id}`}>{t('elections.targets.open', { name: save.data.name })}</Link></p>}
      </div>
      {save.error && <p role="alert" className="notice notice--error">{save.error.message}</p>}
    </Form>
  );
}
