import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useArea, useAreaSearch, type Area } from '../../api/people.ts';
import { ComboBoxField } from '../../components/ComboBoxField.tsx';
import type { Option } from '../../components/SelectField.tsx';

/** "Ward · E05001234" or "Constituency (2024) · E14001190", so areas with one name can be told apart. */
export function describeArea(t: TFunction, a: { kind: string; code: string; boundarySet?: string | null }): string {
  const kind = t(`people.areaKinds.${a.kind}`, { defaultValue: a.kind });
  return t('people.areaKind', { kind: a.boundarySet ? `${kind} (${a.boundarySet})` : kind, code: a.code });
}

/**
 * Area search by name or ONS code: wards, constituencies, local authorities or regions. The
 * chosen code's name is fetched so a shared link shows "Town Ward", not "E05…".
 */
export function AreaComboBox({ value, onChange, label, kind, hint, error, id }: { id?: string; value: string | undefined; onChange: (code: string | undefined) => void; label: string; kind?: 'ward' | 'constituency'; hint?: string; error?: string }) {
  const { t } = useTranslation();
  const chosen = useArea(value);
  const [text, setText] = useState('');
  useEffect(() => {
    if (chosen.data) setText(chosen.data.name);
    else if (!value) setText('');
  }, [chosen.data, value]);
  const found = useAreaSearch(text === chosen.data?.name ? '' : text, kind);
  // The chosen area stays in the list so the box can show its name.
  const items = useMemo(() => {
    const option = (a: Area): Option => ({ id: a.code, label: a.name, description: describeArea(t, a) });
    const list = (found.data ?? []).map(option);
    if (chosen.data && !list.some((o) => o.id === chosen.data!.code)) list.unshift(option(chosen.data));
    return list;
  }, [found.data, chosen.data, t]);
  return (
    <ComboBoxField
      id={id}
      label={label}
      hint={hint ?? t('people.filters.areaHint')}
      error={error}
      items={items}
      value={value ?? null}
      inputValue={text}
      onInputChange={(v) => { setText(v); if (v === '' && value) onChange(undefined); }}
      onChange={(code) => {
        // With both value and text controlled, the text must follow the choice in the same
        // render, or the list would open again when the name arrives.
        const picked = items.find((o) => o.id === code);
        if (picked) setText(picked.label);
        onChange(code ?? undefined);
      }}
      emptyLabel={text.trim().length < 2 ? t('people.filters.areaTypeMore') : t('people.filters.areaNone')}
      menuTrigger="input"
    />
  );
}
