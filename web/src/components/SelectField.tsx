import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, type Key, type SelectProps } from 'react-aria-components';

export interface Option { id: string; label: string; description?: string }

type Props = Omit<SelectProps<Option>, 'children' | 'value' | 'defaultValue' | 'onChange' | 'items'> & {
  label: string;
  hint?: string;
  error?: string;
  options: Option[];
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A labelled single-choice list (React Aria Select) with an optional hint and error, like TextInput. */
export function SelectField({ label, hint, error, options, value, onChange, ...props }: Props) {
  return (
    <Select<Option> className="field select-field" isInvalid={!!error} value={value} onChange={(k: Key | null) => onChange?.(k == null ? null : String(k))} {...props}>
      <Label>{label}</Label>
      <Button className="react-aria-Button select-field__button">
        <SelectValue />
        <span aria-hidden="true" className="select-field__chevron">▾</span>
      </Button>
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
      <Popover className="react-aria-Popover popover">
        <ListBox items={options} className="listbox">
          {(o) => (
            <ListBoxItem id={o.id} textValue={o.label} className="listbox__item">
              <Text slot="label">{o.label}</Text>
              {o.description && <Text slot="description">{o.description}</Text>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
