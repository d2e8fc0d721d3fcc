import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

/** A labelled date (or date and time) input using the browser's own picker, with hint and error. */
export function DateField({ id, label, hint, error, value, onChange, type = 'date', isRequired }: {
  id?: string; label: string; hint?: string; error?: string; value: string; onChange: (v: string) => void; type?: 'date' | 'datetime-local'; isRequired?: boolean;
}) {
  return (
    <TextField id={id} className="field" isInvalid={!!error} value={value} onChange={onChange} isRequired={isRequired}>
      <Label>{label}</Label>
      <Input type={type} />
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}
