import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

/** A labelled date input (the browser's own picker), with hint and error like TextInput. */
export function DateInput({ label, hint, error, value, onChange, id, isRequired }: { label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void; id?: string; isRequired?: boolean }) {
  return (
    <TextField className="field" isInvalid={!!error} value={value} onChange={onChange} id={id} isRequired={isRequired}>
      <Label>{label}</Label>
      <Input type="date" />
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}
