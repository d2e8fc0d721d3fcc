import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ComboBoxField } from '../../components/ComboBoxField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useAreaList } from '../areas/api.ts';
import { unitsKey, type UnitDetail } from './api.ts';

type AreaRef = UnitDetail['areas'][number];

/** Chooses the areas a unit covers: search, add, remove, then save the whole list at once. */
export function EditUnitAreas({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<AreaRef[]>(unit.areas);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const q = useDebouncedValue(input.trim(), 250);
  const results = useAreaList({ q, limit: 20 }, q.length >= 2);

  // Take the server's list again whenever the unit is (re)loaded.
  useEffect(() => setChosen(unit.areas), [unit.areas]);

  // After removing an area keep focus in the list, on the next remove button, else on the search box.
  useEffect(() => {
    if (focusIndex === null) return;
    const buttons = listRef.current?.querySelectorAll('button');
    const target = buttons && buttons.length > 0 ? buttons[Math.min(focusIndex, buttons.length - 1)] : inputRef.current;
    target?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const kindLabel = (k: string) => t(`units.areaKinds.${k}`, { defaultValue: k });
  const items = q.length >= 2 ? (results.data?.items ?? []).map((a) => ({
    id: a.code,
    label: a.name,
    description: [kindLabel(a.kind), a.code, a.boundarySets.join(', ')].filter(Boolean).join(' · '),
  })) : [];

  function add(code: string | null) {
    const area = results.data?.items.find((a) => a.code === code);
    if (!area) return;
    setInput('');
    if (chosen.some((c) => c.code === area.code)) { setMessage({ kind: 'info', text: t('units.editAreas.already', { name: area.name }) }); return; }
    setChosen((c) => [...c, { code: area.code, name: area.name, kind: area.kind }]);
    setMessage({ kind: 'info', text: t('units.editAreas.added', { name: area.name }) });
  }

  function remove(index: number) {
    const area = chosen[index];
    if (!area) return;
    setChosen((c) => c.filter((_, i) => i !== index));
    setMessage({ kind: 'info', text: t('units.editAreas.removed', { name: area.name }) });
    setFocusIndex(index);
  }

  async function save() {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{ areaCount: number }>(`/units/${unit.id}/areas`, { method: 'PUT', body: { areaCodes: chosen.map((c) => c.code) } });
      setMessage({ kind: 'ok', text: t('units.editAreas.saved', { count: r.areaCount, n: r.areaCount }) });
      await queryClient.invalidateQueries({ queryKey: unitsKey });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <ComboBoxField
        label={t('units.editAreas.search')}
        hint={t('units.editAreas.searchHint')}
        items={items}
        inputValue={input}
        onInputChange={setInput}
        value={null}
        onChange={add}
        menuTrigger="input"
        emptyLabel={input.trim().length < 2 ? undefined : q !== input.trim() || results.isFetching ? t('common.loading') : t('units.editAreas.noMatches')}
        inputRef={inputRef}
      />
      <h4 id="chosen-areas-heading">{t('units.editAreas.chosen')}</h4>
      {chosen.length === 0 ? <p className="muted">{t('units.editAreas.none')}</p> : (
        <ul className="chosen-areas" ref={listRef} aria-labelledby="chosen-areas-heading">
          {chosen.map((a, i) => (
            <li key={a.code}>
              <span>{a.name} <span className="muted">· {kindLabel(a.kind)} · {a.code}</span></span>
              <Button className="react-aria-Button button--secondary" aria-label={t('units.editAreas.remove', { name: a.name })} onPress={() => remove(i)}>{t('common.remove')}</Button>
            </li>
          ))}
        </ul>
      )}
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      <div className="actions">
        <Button onPress={save} isDisabled={busy}>{busy ? t('common.working') : t('units.editAreas.save')}</Button>
      </div>
    </div>
  );
}
