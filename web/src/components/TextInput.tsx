import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

/** A labelled text input with an optional hint and error, built on React Aria's TextField. */
export function TextInput({ label, hint, error, inputRef, ...props }: TextFieldProps & { label: string; hint?: string; error?: string; inputRef?: Ref<HTMLInputElement> }) {
  return (
    <TextField className="field" isInvalid={!!error} {...props}>
      <Label>{label}</Label>
      <Input ref={inputRef} />
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}
