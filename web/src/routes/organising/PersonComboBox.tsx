import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBoxField } from '../../components/ComboBoxField.tsx';
import { personName } from '../people/personName.ts';
import { usePersonSearch } from '../conversations/log/usePersonSearch.ts';

/** Find one person by name, phone, email or postcode; `exclude` leaves someone out (the person the form is about). */
export function PersonComboBox({ id, label, value, onChange, exclude, error }: { id?: string; label: string; value: { id: string; name: string } | null; onChange: (p: { id: string; name: string } | null) => void; exclude?: string; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.name ?? '');
  const found = usePersonSearch(text === value?.name ? '' : text);
  const items = (found.data ?? []).filter((p) => p.id !== exclude).map((p) => ({ id: p.id, label: personName(p), description: [p.postcode, p.primaryPhone].filter(Boolean).join(' · ') || undefined }));
  if (value && !items.some((i) => i.id === value.id)) items.unshift({ id: value.id, label: value.name, description: undefined });
  return (
    <ComboBoxField
      id={id}
      label={label}
      hint={t('conversations.log.whoHint')}
      error={error}
      items={items}
      value={value?.id ?? null}
      inputValue={text}
      onInputChange={(v) => { setText(v); if (value && v !== value.name) onChange(null); }}
      onChange={(pid) => {
        const hit = items.find((i) => i.id === pid);
        onChange(hit ? { id: hit.id, name: hit.label } : null);
        if (hit) setText(hit.label);
      }}
      menuTrigger="input"
      emptyLabel={text.trim().length < 2 ? t('conversations.log.typeMore') : t('organising.noMatch')}
    />
  );
}
