import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { normaliseEmail, normalisePhone } from './normalise.ts';
import type { ContactInput } from './inputs.ts';
import type { contactLabels, contactStatuses } from './schema.ts';

export interface PreparedContact {
  kind: 'email' | 'phone';
  value: string;
  normalised: string;
  label: (typeof contactLabels)[number];
  isPrimary: boolean;
  status: (typeof contactStatuses)[number];
}

/** The normalised form of one contact value, or an error message. */
export function normaliseContact(kind: 'email' | 'phone', value: string): { normalised: string } | { error: string } {
  const normalised = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
  if (normalised) return { normalised };
  return { error: kind === 'email' ? 'Not a valid email address.' : 'Not a valid phone number.' };
}

/**
 * Normalises a person's new contact points and settles which is primary: at most one marked
 * primary per kind, otherwise the first of each kind. Duplicates are errors, not merged.
 */
export function prepareContacts(inputs: ContactInput[], path = 'contacts'): { contacts: PreparedContact[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const contacts: PreparedContact[] = [];
  const seen = new Set<string>();
  inputs.forEach((c, i) => {
    const n = normaliseContact(c.kind, c.value);
    if ('error' in n) return void errors.push({ path: `${path}.${i}.value`, message: n.error });
    const key = `${c.kind}:${n.normalised}`;
    if (seen.has(key)) return void errors.push({ path: `${path}.${i}.value`, message: 'The same contact is given twice.' });
    seen.add(key);
    contacts.push({ kind: c.kind, value: c.value, normalised: n.normalised, label: c.label ?? 'other', isPrimary: c.isPrimary === true, status: c.status ?? 'unverified' });
  });
  for (const kind of ['email', 'phone'] as const) {
    const ofKind = contacts.filter((c) => c.kind === kind);
    const marked = ofKind.filter((c) => c.isPrimary);
    if (marked.length > 1) errors.push({ path, message: `Only one ${kind} can be primary.` });
    else if (marked.length === 0 && ofKind[0]) ofKind[0].isPrimary = true;
  }
  return { contacts, errors };
}
