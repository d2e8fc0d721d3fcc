import { z } from 'zod';
import { validationFailed } from '../../server/errors.ts';

/** What a column can be imported as; `custom:<key>` names a custom field as well. */
export const importFields = [
  'firstName', 'lastName', 'fullName', 'email', 'phone', 'mobile', 'addressLine1', 'addressLine2', 'town', 'postcode',
  'wardCode', 'constituencyCode', 'membershipStatus', 'membershipNumber', 'joinedOn', 'tags', 'unit', 'ignore',
] as const;
export type ImportField = (typeof importFields)[number];
export type MappingTarget = ImportField | `custom:${string}`;
export type Mapping = Record<string, MappingTarget>;

/** Fields several columns may feed (email1, email2…); any other field takes one column. */
export const multiColumnFields: ReadonlySet<string> = new Set(['email', 'phone', 'mobile', 'tags', 'ignore']);

const CUSTOM = /^custom:[a-z][a-z0-9_]{0,39}$/;

/** A mapping as the API takes it: column name → field. */
export const mappingSchema = z
  .record(
    z.string().min(1).max(300),
    z.union([z.enum(importFields), z.string().regex(CUSTOM, 'A field name or custom:<key>').transform((v) => v as `custom:${string}`)]),
  )
  .refine((m) => Object.keys(m).length <= 500, 'At most 500 columns.')
  .describe('column name → field: one of the import fields, custom:<key>, or ignore');

const identifying: ReadonlySet<string> = new Set(['firstName', 'lastName', 'fullName', 'email', 'phone', 'mobile']);

/**
 * Checks a mapping against the file's columns and the organisation's custom fields: every
 * key is a column, single-value fields take one column, custom keys exist, and something
 * identifies a person. Columns left out are ignored. Throws one 422 listing every problem.
 */
export function checkMapping(mapping: Mapping, columns: string[], customKeys: readonly string[]): Mapping {
  const problems: { path: string; message: string }[] = [];
  const known = new Set(columns);
  const keys = new Set(customKeys);
  const usedBy = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!known.has(column)) problems.push({ path: `mapping.${column}`, message: 'The file has no column with this name.' });
    if (field.startsWith('custom:') && !keys.has(field.slice(7))) problems.push({ path: `mapping.${column}`, message: `No custom field has the key ${field.slice(7)}.` });
    if (!multiColumnFields.has(field)) {
      const other = usedBy.get(field);
      if (other !== undefined) problems.push({ path: `mapping.${column}`, message: `${field} is already taken by the column "${other}".` });
      else usedBy.set(field, column);
    }
  }
  if (!Object.values(mapping).some((f) => identifying.has(f))) {
    problems.push({ path: 'mapping', message: 'Map at least one column to a name, email, phone or mobile.' });
  }
  if (problems.length > 0) throw validationFailed('The column mapping is not valid.', problems);
  return mapping;
}
