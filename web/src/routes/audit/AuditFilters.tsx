import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { UnitPicker } from '../admin/UnitPicker.tsx';
import type { PermittedUnit } from '../admin/unitsWithPermission.ts';
import { actionOptions } from './actionLabel.ts';
import type { AuditFilter } from './api.ts';

/** The filter form; nothing is fetched until it is applied, and applying puts the filters in the address. */
export function AuditFilters({ value, units, onApply }: { value: AuditFilter; units: PermittedUnit[]; onApply: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(value);
  const set = (key: keyof AuditFilter) => (v: string | null) => setDraft((d) => ({ ...d, [key]: v || undefined }));
  const catalogue = t('audit.actions', { returnObjects: true }) as unknown as Record<string, Record<string, string>>;
  const options = [{ id: 'any', label: t('audit.filters.anyAction') }, ...actionOptions(t, catalogue)];
  // An action typed into the address that the list does not know is still offered, so it can be seen and cleared.
  if (draft.action && !options.some((o) => o.id === draft.action)) options.push({ id: draft.action, label: draft.action });

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ ...draft, actor: value.actor });
  }

  return (
    <Form onSubmit={submit} className="audit-filters" aria-label={t('audit.filters.title')} role="search">
      <SelectField label={t('audit.filters.action')} options={options} value={draft.action ?? 'any'} onChange={(v) => set('action')(v === 'any' ? null : v)} />
      <UnitPicker label={t('audit.filters.unit')} hint={t('audit.filters.anyUnit')} units={units} value={draft.unit ?? null} onChange={set('unit')} />
      <TextInput label={t('audit.filters.entityType')} value={draft.entityType ?? ''} onChange={set('entityType')} autoComplete="off" maxLength={100} />
      <TextInput label={t('audit.filters.entityId')} value={draft.entityId ?? ''} onChange={set('entityId')} autoComplete="off" maxLength={200} />
      <TextInput label={t('audit.filters.from')} type="date" value={draft.from ?? ''} onChange={set('from')} />
      <TextInput label={t('audit.filters.to')} type="date" value={draft.to ?? ''} onChange={set('to')} />
      <div className="actions audit-filters__actions">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button className="react-aria-Button button--secondary" onPress={() => { setDraft({}); onApply({}); }}>{t('audit.filters.clear')}</Button>
      </div>
    </Form>
  );
}
