import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { personName } from '../../people/personName.ts';
import { NewPersonFields } from './NewPersonFields.tsx';
import { SuggestField } from './SuggestField.tsx';
import type { PickedPerson } from './formState.ts';
import { usePersonSearch } from './usePersonSearch.ts';

export const pickedName = (p: PickedPerson) => (p.type === 'existing' ? p.name : personName(p));

/** Who was spoken with: find people already on record, or add someone new with just a name. */
export function PeoplePicker({ id, people, onChange, error }: { id: string; people: PickedPerson[]; onChange: (people: PickedPerson[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [adding, setAdding] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const found = usePersonSearch(text);
  const chosen = new Set(people.map((p) => p.id));
  const typed = text.trim().length >= 2;
  const suggestions = typed ? (found.data ?? []).filter((p) => !chosen.has(p.id)).map((p) => {
    const description = [p.postcode, p.primaryPhone, p.primaryEmail].filter(Boolean).join(' · ') || undefined;
    return { id: p.id, label: personName(p), description, ariaLabel: t('conversations.log.choosePerson', { name: personName(p), details: description ?? '' }) };
  }) : [];
  const status = !typed ? '' : found.isFetching && !found.data ? t('common.loading') : suggestions.length === 0 ? t('conversations.log.noMatch') : t('conversations.log.found', { count: suggestions.length });

  return (
    <div className="people-picker">
      {people.length > 0 && (
        <ul className="picked-list" aria-label={t('conversations.log.peopleChosen')}>
          {people.map((p) => (
            <li key={p.id} className="picked-list__item">
              <span>
                <strong>{pickedName(p)}</strong>
                {p.type === 'new' && <span className="muted"> {t('conversations.log.newPersonBadge')}</span>}
                {p.type === 'existing' && p.description && <span className="muted"> {p.description}</span>}
              </span>
              <Button className="react-aria-Button button--secondary button--small" aria-label={t('conversations.log.removePerson', { name: pickedName(p) })} onPress={() => { onChange(people.filter((x) => x.id !== p.id)); input.current?.focus(); }}>
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SuggestField
        id={id}
        inputRef={input}
        label={people.length === 0 ? t('conversations.log.who') : t('conversations.log.whoElse')}
        hint={t('conversations.log.whoHint')}
        error={error}
        value={text}
        onChange={setText}
        suggestions={suggestions}
        status={status}
        onPick={(s) => {
          onChange([...people, { type: 'existing', id: s.id, name: s.label, description: s.description }]);
          setText('');
          input.current?.focus();
        }}
      />
      {adding ? (
        <NewPersonFields
          initialName={text}
          onAdd={(p) => { onChange([...people, p]); setAdding(false); setText(''); input.current?.focus(); }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button className="react-aria-Button button--secondary" onPress={() => setAdding(true)}>{t('conversations.log.addNew')}</Button>
      )}
    </div>
  );
}
