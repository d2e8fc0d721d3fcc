import { useRef, useState, type Ref } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAccountDirectory, type DirectoryPurpose, type PickedAccount } from '../../../api/accounts.ts';
import { useDebouncedValue } from '../../../components/useDebouncedValue.ts';
import { SuggestField, type Suggestion } from './SuggestField.tsx';
import '../conversations.css';

interface SearchProps {
  id: string;
  label: string;
  can: DirectoryPurpose;
  /** Accounts not to offer (already chosen, or me where I am always included). */
  exclude: string[];
  me?: PickedAccount;
  error?: string;
  onPick: (a: PickedAccount) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The search box: colleagues from the account directory whose name has every typed word, listed under it. */
function AccountSearch({ id, label, can, exclude, me, error, onPick, inputRef }: SearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const typed = text.trim();
  const found = useAccountDirectory(useDebouncedValue(typed, 200), can);
  const skip = new Set(exclude);
  const nameOf = (a: PickedAccount) => (a.id === me?.id ? t('accounts.picker.me', { name: a.displayName }) : a.displayName);
  const suggestions: Suggestion[] = typed ? (found.data ?? []).filter((a) => !skip.has(a.id)).map((a) => {
    const units = a.units.map((u) => u.name).join(' · ');
    return { id: a.id, label: nameOf(a), description: units || undefined, ariaLabel: t('accounts.picker.choose', { name: nameOf(a), units }) };
  }) : [];
  const status = !typed ? '' : found.isFetching && !found.data ? t('common.loading') : suggestions.length === 0 ? t('accounts.picker.noMatch') : t('accounts.picker.found', { count: suggestions.length });
  return (
    <SuggestField
      id={id}
      inputRef={inputRef}
      label={label}
      hint={t('accounts.picker.hint')}
      error={error}
      value={text}
      onChange={setText}
      suggestions={suggestions}
      status={status}
      onPick={(s) => {
        const hit = found.data?.find((a) => a.id === s.id);
        if (hit) onPick({ id: hit.id, displayName: hit.displayName });
        setText('');
      }}
    />
  );
}

/**
 * Several colleagues (co-organisers): each chosen one is a chip with a remove button, and a
 * search box adds more. `id` is the group's, so an error can point at it.
 */
export function AccountsPicker({ id, label, searchLabel, can, value, onChange, me, always, error }: {
  id: string;
  label: string;
  searchLabel: string;
  can: DirectoryPurpose;
  value: PickedAccount[];
  onChange: (v: PickedAccount[]) => void;
  /** Me: never offered, as I am always included. */
  me?: PickedAccount;
  /** Someone always included whatever is chosen (who logged a conversation): said so, never offered. */
  always?: PickedAccount;
  error?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div id={id} className="account-picker" role="group" aria-labelledby={`${id}-label`} aria-describedby={always ? `${id}-always` : undefined} tabIndex={-1}>
      <p className="react-aria-Label" id={`${id}-label`}>{label}</p>
      {always && <p className="muted" id={`${id}-always`}>{t('accounts.picker.alwaysIncluded', { name: always.displayName })}</p>}
      {value.length > 0 && (
        <ul className="tag-list" aria-label={label}>
          {value.map((a) => (
            <li key={a.id} className="tag tag--removable">
              {a.displayName}
              <Button className="tag__remove" aria-label={t('accounts.picker.remove', { name: a.displayName })} onPress={() => { onChange(value.filter((x) => x.id !== a.id)); input.current?.focus(); }}>×</Button>
            </li>
          ))}
        </ul>
      )}
      <AccountSearch
        id={`${id}-search`}
        inputRef={input}
        label={searchLabel}
        can={can}
        exclude={[...value.map((a) => a.id), ...(me ? [me.id] : []), ...(always ? [always.id] : [])]}
        error={error}
        onPick={(a) => { onChange([...value, a]); input.current?.focus(); }}
      />
    </div>
  );
}

/**
 * One colleague (a follow-up's assignee, a leader's mentor): who it is now, and "Change" to
 * search for someone else. Choosing, or cancelling, returns focus to "Change".
 */
export function AccountPicker({ id, label, searchLabel, can, value, onChange, me, error }: {
  id: string;
  label: string;
  searchLabel: string;
  can: DirectoryPurpose;
  value: PickedAccount | null;
  onChange: (v: PickedAccount) => void;
  /** Me, named "Me (…)" so I can tell myself apart. */
  me?: PickedAccount;
  error?: string;
}) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const current = value ? (value.id === me?.id ? t('accounts.picker.me', { name: value.displayName }) : value.displayName) : t('accounts.picker.nobody');
  const done = () => { setChanging(false); setTimeout(() => change.current?.focus(), 0); };
  return (
    <div id={id} className="account-picker" role="group" aria-labelledby={`${id}-label`} tabIndex={-1}>
      <p className="react-aria-Label" id={`${id}-label`}>{label}</p>
      <div className="account-picker__current">
        <strong>{current}</strong>
        {!changing && (
          <Button ref={change} className="react-aria-Button button--secondary button--small" aria-label={t('accounts.picker.changeNamed', { label, name: current })}
            onPress={() => { setChanging(true); setTimeout(() => input.current?.focus(), 0); }}>
            {t('accounts.picker.change')}
          </Button>
        )}
      </div>
      {error && !changing && <p className="field-error">{error}</p>}
      {changing && (
        <>
          <AccountSearch
            id={`${id}-search`}
            inputRef={input}
            label={searchLabel}
            can={can}
            exclude={value ? [value.id] : []}
            me={me}
            error={error}
            onPick={(a) => { onChange(a); done(); }}
          />
          <Button className="react-aria-Button button--link" aria-label={t('accounts.picker.keepNamed', { name: current })} onPress={done}>{t('accounts.picker.keep')}</Button>
        </>
      )}
    </div>
  );
}
