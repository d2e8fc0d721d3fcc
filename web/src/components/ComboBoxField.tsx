import type { Ref } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type ComboBoxProps, type Key } from 'react-aria-components';
import type { Option } from './SelectField.tsx';

type Props = Omit<ComboBoxProps<Option>, 'children' | 'items' | 'defaultItems' | 'value' | 'defaultValue' | 'onChange'> & {
  label: string;
  hint?: string;
  error?: string;
  /** The options to offer; pass the server's answer for the current input (no client-side filtering). */
  items: Option[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Shown in the open list when nothing matches. */
  emptyLabel?: string;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * A labelled text box with a list of suggestions (React Aria ComboBox), with hint and error like
 * TextInput. Arrow keys move through the list, Enter chooses, Escape closes.
 */
export function ComboBoxField({ label, hint, error, items, value, onChange, emptyLabel, inputRef, ...props }: Props) {
  return (
    <ComboBox<Option>
      className="field combobox-field"
      isInvalid={!!error}
      items={items}
      value={value}
      onChange={(k: Key | null) => onChange?.(k == null ? null : String(k))}
      allowsEmptyCollection={!!emptyLabel}
      {...props}
    >
      <Label>{label}</Label>
      <div className="combobox-field__control">
        <Input ref={inputRef} />
        <Button className="react-aria-Button combobox-field__button"><span aria-hidden="true">▾</span></Button>
      </div>
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
      <Popover className="react-aria-Popover popover">
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox__empty">{emptyLabel}</p>}>
          {(o: Option) => (
            <ListBoxItem id={o.id} textValue={o.label} className="listbox__item">
              <Text slot="label">{o.label}</Text>
              {o.description && <Text slot="description">{o.description}</Text>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
