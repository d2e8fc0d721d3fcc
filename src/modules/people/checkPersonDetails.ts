import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { validateCustomFields, type FieldError } from '../custom-fields/validateCustomFields.ts';
import { resolveTagSlugs } from '../tags/queries.ts';
import { deriveAreas } from './deriveAreas.ts';
import type { CreatePersonInput, UpdatePersonInput } from './inputs.ts';
import { normalisePostcode } from './normalise.ts';
import { prepareContacts, type PreparedContact } from './prepareContacts.ts';
import type { PersonRow } from './present.ts';

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v === '' ? null : v);

function checkPostcode(raw: string | null | undefined, errors: FieldError[]): string | null | undefined {
  const v = blank(raw);
  if (!v) return v;
  const p = normalisePostcode(v);
  if (!p) errors.push({ path: 'postcode', message: 'Not a UK postcode.' });
  return p;
}

function fail(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed('Some details are not valid.', errors);
}

export interface CheckedNewPerson {
  postcode: string | null;
  wardCode: string | null;
  constituencyCode: string | null;
  customFields: Record<string, unknown>;
  contacts: PreparedContact[];
  tagIds: string[];
}

/**
 * Everything about a new person that needs more than its schema: contacts, postcode, areas,
 * tags (unknown slugs are errors) and custom fields. All problems are reported together, as one 422.
 */
export async function checkNewPerson(db: Db, orgId: string, input: CreatePersonInput): Promise<CheckedNewPerson> {
  const errors: FieldError[] = [];
  const { contacts, errors: contactErrors } = prepareContacts(input.contacts);
  errors.push(...contactErrors);
  const postcode = checkPostcode(input.postcode, errors) ?? null;
  const [areas, tags, rules] = await Promise.all([
    deriveAreas(db, { postcode, wardCode: blank(input.wardCode), constituencyCode: blank(input.constituencyCode) }),
    resolveTagSlugs(db, orgId, input.tags),
    fieldRules(db, orgId),
  ]);
  errors.push(...areas.errors);
  if (tags.unknown.length > 0) errors.push(...tags.unknown.map((s) => ({ path: 'tags', message: `Unknown tag "${s}".` })));
  const custom = validateCustomFields(rules, input.customFields);
  if (!custom.ok) errors.push(...custom.errors);
  fail(errors);
  return {
    postcode,
    wardCode: areas.wardCode,
    constituencyCode: areas.constituencyCode,
    customFields: custom.ok ? custom.value : {},
    contacts,
    tagIds: [...new Set(input.tags.map((s) => tags.ids.get(s)!))],
  };
}

export type PersonChanges = Partial<Pick<PersonRow,
  'unitId' | 'firstName' | 'lastName' | 'addressLine1' | 'addressLine2' | 'town' | 'postcode' | 'wardCode' | 'constituencyCode' |
  'membershipStatus' | 'membershipNumber' | 'joinedOn' | 'customFields'>>;

/**
 * The new column values for a partial update. A new postcode re-derives the ward and a new ward
 * re-derives the constituency, unless those are given too; custom fields merge key by key.
 */
export async function checkPersonUpdate(db: Db, existing: PersonRow, patch: UpdatePersonInput): Promise<PersonChanges> {
  const errors: FieldError[] = [];
  const { customFields, postcode: rawPostcode, wardCode: rawWard, constituencyCode: rawConstituency, ...plain } = patch;
  const changes: PersonChanges = {};
  for (const [k, v] of Object.entries(plain)) if (v !== undefined) (changes as Record<string, unknown>)[k] = blank(v as string);
  if (plain.lastName !== undefined) changes.lastName = plain.lastName;
  const postcode = checkPostcode(rawPostcode, errors);
  const postcodeChanged = postcode !== undefined && postcode !== existing.postcode;
  const wardGiven = rawWard !== undefined;
  const constituencyGiven = rawConstituency !== undefined;
  if (postcodeChanged || wardGiven || constituencyGiven) {
    const ward = wardGiven ? blank(rawWard) : postcodeChanged ? null : existing.wardCode;
    const wardChanged = wardGiven || postcodeChanged;
    const constituency = constituencyGiven ? blank(rawConstituency) : wardChanged ? null : existing.constituencyCode;
    const areas = await deriveAreas(db, { postcode: postcode === undefined ? existing.postcode : postcode, wardCode: ward, constituencyCode: constituency });
    errors.push(...areas.errors);
    changes.wardCode = areas.wardCode;
    changes.constituencyCode = areas.constituencyCode;
  }
  if (postcode !== undefined) changes.postcode = postcode;
  if (customFields !== undefined) {
    const checked = validateCustomFields(await fieldRules(db, existing.orgId), customFields, { partial: true });
    if (!checked.ok) errors.push(...checked.errors);
    else {
      const merged: Record<string, unknown> = { ...existing.customFields };
      for (const [k, v] of Object.entries(checked.value)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      changes.customFields = merged;
    }
  }
  fail(errors);
  return changes;
}
