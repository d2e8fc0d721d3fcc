import type { Ref } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface Suggestion { id: string; label: string; description?: string; ariaLabel?: string }

/**
 * A search box with its suggestions listed right under it as buttons (no pop-up): type, Tab to
 * the one you want, press Enter. Light on a phone and plain for screen readers, which hear how
 * many suggestions there are as they type.
 */
export function SuggestField({ id, label, hint, error, value, onChange, suggestions, onPick, status, inputRef }: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  suggestions: Suggestion[];
  onPick: (s: Suggestion) => void;
  /** What the list holds, in words ("3 people found"); announced politely. */
  status: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="suggest-field">
      <TextField className="field" id={id} isInvalid={!!error} value={value} onChange={onChange} autoComplete="off">
        <Label>{label}</Label>
        <Input type="search" ref={inputRef} enterKeyHint="search" />
        {hint && <Text slot="description">{hint}</Text>}
        <FieldError>{error}</FieldError>
      </TextField>
      <p className="suggest-field__status muted" role="status">{status}</p>
      {suggestions.length > 0 && (
        <ul className="suggest-field__list" aria-label={label}>
          {suggestions.map((s) => (
            <li key={s.id}>
              <Button className="react-aria-Button suggest-field__option" aria-label={s.ariaLabel} onPress={() => onPick(s)}>
                <span className="suggest-field__label">{s.label}</span>
                {s.description && <span className="suggest-field__description">{s.description}</span>}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
