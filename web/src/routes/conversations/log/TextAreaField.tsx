import { FieldError, Label, Text, TextArea, TextField, type TextFieldProps } from 'react-aria-components';

/** A labelled multi-line text box with an optional hint and error (React Aria TextField). */
export function TextAreaField({ label, hint, error, rows = 3, ...props }: TextFieldProps & { label: string; hint?: string; error?: string; rows?: number }) {
  return (
    <TextField className="field" isInvalid={!!error} {...props}>
      <Label>{label}</Label>
      <TextArea rows={rows} />
      {hint && <Text slot="description">{hint}</Text>}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}
