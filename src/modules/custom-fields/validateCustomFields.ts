import type { CustomFieldType } from '../people/schema.ts';

/** What validation needs to know about a field definition. */
export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  choices: string[];
  required: boolean;
}

export interface FieldError {
  path: string;
  message: string;
}

export type CustomFieldsResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export interface ValidateOptions {
  /** Values come from text (CSV cells): "3" is a number, "A;B" a multiple choice, "" means empty. */
  fromText?: boolean;
  /** Only the keys given are checked (an update); required fields are enforced only when given as empty. */
  partial?: boolean;
  /** Prefix of error paths; "customFields" by default. */
  path?: string;
}

/** Longest text value accepted, so one field cannot hold a document. */
export const MAX_TEXT_LENGTH = 2000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

type Check = { value: unknown } | { error: string };

function checkValue(def: CustomFieldDefinition, raw: unknown, fromText: boolean): Check {
  const text = fromText && typeof raw === 'string' ? raw.trim() : raw;
  switch (def.type) {
    case 'text':
      if (typeof text !== 'string') return { error: 'Must be text.' };
      return text.length > MAX_TEXT_LENGTH ? { error: `Must be at most ${MAX_TEXT_LENGTH} characters.` } : { value: text };
    case 'number': {
      const n = fromText && typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      return typeof n === 'number' && Number.isFinite(n) ? { value: n } : { error: 'Must be a number.' };
    }
    case 'date':
      return typeof text === 'string' && isRealDate(text) ? { value: text } : { error: 'Must be a real date written YYYY-MM-DD.' };
    case 'single_choice':
      return typeof text === 'string' && def.choices.includes(text) ? { value: text } : { error: `Must be one of: ${def.choices.join(', ')}.` };
    case 'multiple_choice': {
      const list = fromText && typeof text === 'string' ? text.split(';').map((s) => s.trim()).filter(Boolean) : text;
      if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) return { error: 'Must be a list of choices.' };
      const unknown = list.filter((v) => !def.choices.includes(v as string));
      if (unknown.length > 0) return { error: `Not a choice: ${unknown.join(', ')}. Choices are: ${def.choices.join(', ')}.` };
      // Stored in the definition's order so equal selections compare equal.
      return { value: def.choices.filter((c) => list.includes(c)) };
    }
  }
}

const isEmpty = (v: unknown, fromText: boolean) =>
  v === null || v === undefined || (fromText && typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks custom field values against the organisation's definitions: types, choices, required
 * fields, and no keys that are not defined. Empty values are dropped from the result, except
 * in `partial` mode where they come back as null (meaning "clear this field").
 */
export function validateCustomFields(definitions: CustomFieldDefinition[], values: unknown, opts: ValidateOptions = {}): CustomFieldsResult {
  const prefix = opts.path ?? 'customFields';
  const fromText = opts.fromText ?? false;
  if (values === undefined || values === null) values = {};
  if (typeof values !== 'object' || Array.isArray(values)) return { ok: false, errors: [{ path: prefix, message: 'Must be an object of field values.' }] };
  const given = values as Record<string, unknown>;
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!byKey.has(key)) errors.push({ path: `${prefix}.${key}`, message: 'No custom field has this key.' });
  }
  for (const def of definitions) {
    const present = Object.hasOwn(given, def.key);
    if (opts.partial && !present) continue;
    const raw = given[def.key];
    if (isEmpty(raw, fromText)) {
      if (def.required) errors.push({ path: `${prefix}.${def.key}`, message: `${def.label} is required.` });
      else if (opts.partial) out[def.key] = null;
      continue;
    }
    const checked = checkValue(def, raw, fromText);
    if ('error' in checked) errors.push({ path: `${prefix}.${def.key}`, message: checked.error });
    else out[def.key] = checked.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}
