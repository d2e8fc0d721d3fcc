import type { ContactLabel, CustomField, MembershipStatus, PersonDetail, PersonInput } from '../../../api/people.ts';

/** One email or phone row in the form; `id` is set for contacts that already exist. */
export interface ContactRow {
  key: string;
  id?: string;
  kind: 'email' | 'phone';
  value: string;
  label: ContactLabel;
  isPrimary: boolean;
}

/** Everything the person form edits, as strings where the user types. */
export interface PersonFormValues {
  unitId: string;
  firstName: string;
  lastName: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  wardCode: string;
  constituencyCode: string;
  membershipStatus: MembershipStatus;
  membershipNumber: string;
  joinedOn: string;
  /** Text for text, number and date fields; a string for one choice; a list for several. */
  customFields: Record<string, string | string[]>;
  contacts: ContactRow[];
  tags: string[];
}

/** The id a field's control has, so error messages can link to it ("contacts.0.value" → "field-contacts-0-value"). */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

export const newContactRow = (kind: 'email' | 'phone', isPrimary: boolean): ContactRow => ({
  key: crypto.randomUUID(), kind, value: '', label: kind === 'phone' ? 'mobile' : 'home', isPrimary,
});

/** Empty values for a new person in a unit. */
export function emptyValues(unitId: string): PersonFormValues {
  return {
    unitId, firstName: '', lastName: '', addressLine1: '', addressLine2: '', town: '', postcode: '', wardCode: '', constituencyCode: '',
    membershipStatus: 'none', membershipNumber: '', joinedOn: '', customFields: {}, contacts: [newContactRow('email', true), newContactRow('phone', true)], tags: [],
  };
}

/** A stored person as form values. */
export function valuesOf(p: PersonDetail): PersonFormValues {
  const custom: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(p.customFields)) custom[k] = Array.isArray(v) ? v.map(String) : v == null ? '' : String(v);
  return {
    unitId: p.unit.id, firstName: p.firstName, lastName: p.lastName, addressLine1: p.addressLine1 ?? '', addressLine2: p.addressLine2 ?? '',
    town: p.town ?? '', postcode: p.postcode ?? '', wardCode: p.ward?.code ?? '', constituencyCode: p.constituency?.code ?? '',
    membershipStatus: p.membershipStatus, membershipNumber: p.membershipNumber ?? '', joinedOn: p.joinedOn ?? '', customFields: custom,
    contacts: p.contacts.map((c) => ({ key: c.id, id: c.id, kind: c.kind, value: c.value, label: c.label, isPrimary: c.isPrimary })),
    tags: p.tags.map((t) => t.slug),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

// Numbers typed as text go to the server as numbers; anything else is sent as typed so the
// server's message ("Must be a number") appears beside the field.
function customValue(def: CustomField, v: string | string[] | undefined): unknown {
  if (def.type === 'multiple_choice') return Array.isArray(v) && v.length > 0 ? v : null;
  const s = typeof v === 'string' ? v.trim() : '';
  if (s === '') return null;
  if (def.type === 'number' && /^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

/** Custom field values for the API: empty ones left out on create, sent as null (cleared) on update. */
export function customFieldsFor(defs: CustomField[], values: PersonFormValues['customFields'], keepNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const v = customValue(def, values[def.key]);
    if (v !== null || keepNulls) out[def.key] = v;
  }
  return out;
}

/** The body of a create request. */
export function createBody(v: PersonFormValues, defs: CustomField[], id: string): PersonInput {
  return {
    id, unitId: v.unitId, firstName: v.firstName.trim(), lastName: v.lastName.trim(), addressLine1: orNull(v.addressLine1), addressLine2: orNull(v.addressLine2),
    town: orNull(v.town), postcode: orNull(v.postcode), wardCode: orNull(v.wardCode), constituencyCode: orNull(v.constituencyCode),
    membershipStatus: v.membershipStatus, membershipNumber: orNull(v.membershipNumber), joinedOn: orNull(v.joinedOn),
    customFields: customFieldsFor(defs, v.customFields, false),
    contacts: v.contacts.filter((c) => c.value.trim() !== '').map((c) => ({ kind: c.kind, value: c.value.trim(), label: c.label, isPrimary: c.isPrimary })),
    tags: v.tags,
  };
}

/**
 * Only what changed, so that a new postcode lets the server work out the ward again (a ward
 * sent unchanged would pin the old one).
 */
export function updateBody(before: PersonFormValues, after: PersonFormValues, defs: CustomField[]): Partial<PersonInput> {
  const out: Record<string, unknown> = {};
  const plain = ['unitId', 'firstName', 'lastName', 'addressLine1', 'addressLine2', 'town', 'postcode', 'wardCode', 'constituencyCode', 'membershipStatus', 'membershipNumber', 'joinedOn'] as const;
  for (const k of plain) {
    if (before[k].trim() === after[k].trim()) continue;
    out[k] = k === 'firstName' || k === 'lastName' || k === 'unitId' || k === 'membershipStatus' ? after[k].trim() : orNull(after[k]);
  }
  const was = customFieldsFor(defs, before.customFields, true);
  const now = customFieldsFor(defs, after.customFields, true);
  const custom: Record<string, unknown> = {};
  for (const def of defs) if (JSON.stringify(was[def.key]) !== JSON.stringify(now[def.key])) custom[def.key] = now[def.key];
  if (Object.keys(custom).length > 0) out.customFields = custom;
  return out as Partial<PersonInput>;
}
