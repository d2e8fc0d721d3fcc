import { hash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../accounts/actor.ts';
import { validateCustomFields, type CustomFieldDefinition } from '../custom-fields/validateCustomFields.ts';
import { deriveAreasBatch, newAreaCache, type AreaCache } from '../people/deriveAreas.ts';
import type { NewContact } from '../people/insertPeople.ts';
import type { MembershipStatus } from '../people/schema.ts';
import { unescapeFormula } from '../people/exportPeople.ts';
import { resolveTagSlugs } from '../tags/queries.ts';
import { units } from '../units/schema.ts';
import type { ImportField, Mapping } from './fields.ts';
import type { CsvItem } from './readCsv.ts';
import { checkImportRow, importRowSchema, splitFullName, type ImportRowInput, type ImportRowValues } from './rowSchema.ts';

/** What every row of one import shares. */
export interface ImportSetup {
  orgId: string;
  /** The unit people are created in unless a row names another. */
  unitId: string;
  columns: string[];
  mapping: Mapping;
  customFields: CustomFieldDefinition[];
  /** Whose permissions per-row unit overrides are checked against. */
  actor: Actor;
}

/** A row ready to store: normalised, with ids resolved and a hash of its content. */
export interface ImportRow {
  row: number;
  unitId: string;
  person: {
    firstName: string;
    lastName: string;
    addressLine1: string | null;
    addressLine2: string | null;
    town: string | null;
    postcode: string | null;
    wardCode: string | null;
    constituencyCode: string | null;
    membershipStatus: MembershipStatus | null;
    membershipNumber: string | null;
    joinedOn: string | null;
  };
  customFields: Record<string, unknown>;
  contacts: NewContact[];
  tagIds: string[];
  hash: string;
}

export interface FieldProblem {
  field: string | null;
  column: string | null;
  message: string;
}
/** A row that cannot be imported, with every reason and its original cells. */
export interface RowErrors {
  row: number;
  errors: FieldProblem[];
  cells: string[];
}

const NO_CUSTOM = { ok: true as const, value: {} };
const LIST_FIELDS = new Set<ImportField>(['email', 'phone', 'mobile', 'tags']);
const SPLIT = /[;,]/;

interface Mapped {
  item: { row: number; cells: string[] };
  input: ImportRowInput;
  /** field → the column each value came from, so an error can name the column. */
  sources: Record<string, (string | null)[]>;
  custom: Record<string, string>;
  customColumns: Record<string, string>;
  problems: FieldProblem[];
}

interface ColumnPlan {
  /** Mapped columns only: a 200-column export with ten mapped costs ten lookups a row. */
  mapped: { index: number; column: string; field: string }[];
  customFields: CustomFieldDefinition[];
  /** Areas and postcodes looked up by earlier batches of the same run. */
  areas: AreaCache;
}
const plans = new WeakMap<ImportSetup, ColumnPlan>();

function planOf(setup: ImportSetup): ColumnPlan {
  let plan = plans.get(setup);
  if (!plan) {
    const mapped = setup.columns.map((column, index) => ({ index, column, field: setup.mapping[column] ?? 'ignore' })).filter((c) => c.field !== 'ignore');
    const customKeys = new Set(mapped.filter((c) => c.field.startsWith('custom:')).map((c) => c.field.slice(7)));
    plan = { mapped, customFields: setup.customFields.filter((d) => customKeys.has(d.key)), areas: newAreaCache() };
    plans.set(setup, plan);
  }
  return plan;
}

const SCALAR_FIELDS = ['firstName', 'lastName', 'fullName', 'addressLine1', 'addressLine2', 'town', 'postcode', 'wardCode', 'constituencyCode', 'membershipStatus', 'membershipNumber', 'joinedOn', 'unit'];

function mapCells(setup: ImportSetup, item: { row: number; cells: string[] }): Mapped {
  const input: Record<string, string | string[]> = { email: [], phone: [], mobile: [], tags: [] };
  const sources: Record<string, (string | null)[]> = { email: [], phone: [], mobile: [], tags: [] };
  const custom: Record<string, string> = {};
  const customColumns: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  if (item.cells.length !== setup.columns.length) {
    problems.push({ field: null, column: null, message: `This row has ${item.cells.length} cells but the header has ${setup.columns.length} columns.` });
  }
  for (const { index, column, field } of planOf(setup).mapped) {
    const cell = unescapeFormula(item.cells[index] ?? '');
    if (field.startsWith('custom:')) {
      custom[field.slice(7)] = cell;
      customColumns[field.slice(7)] = column;
    } else if (LIST_FIELDS.has(field as ImportField)) {
      for (const part of cell.split(SPLIT)) {
        if (part.trim() === '') continue;
        (input[field] as string[]).push(part);
        sources[field]!.push(column);
      }
    } else {
      input[field] = cell;
      sources[field] = [column];
    }
  }
  for (const f of SCALAR_FIELDS) input[f] ??= '';
  return { item, input: input as unknown as ImportRowInput, sources, custom, customColumns, problems };
}

function rowHash(row: Omit<ImportRow, 'hash' | 'row'>): string {
  const contacts = row.contacts.map((c) => `${c.kind}:${c.label}:${c.normalised}`).sort();
  const custom = Object.keys(row.customFields).sort().map((k) => [k, row.customFields[k]]);
  return hash('sha256', JSON.stringify([row.unitId, row.person, contacts, [...row.tagIds].sort(), custom]), 'base64url');
}

/**
 * Validates a batch of parsed rows: each row through the zod schema, then tags, units, areas
 * and custom fields with one lookup each for the whole batch. Unknown tags and units, and
 * units the caller may not import into, are errors of that row, never dropped.
 */
export async function validateRows(db: Db, setup: ImportSetup, items: CsvItem[]): Promise<{ valid: ImportRow[]; invalid: RowErrors[] }> {
  const invalid: RowErrors[] = [];
  const mapped: (Mapped & { values: ImportRowValues | null })[] = [];
  for (const item of items) {
    if ('problem' in item) {
      invalid.push({ row: item.row, errors: [{ field: null, column: null, message: item.problem }], cells: [] });
      continue;
    }
    const m = mapCells(setup, item);
    let values = checkImportRow(m.input) ?? null;
    if (!values) {
      // Only a row with a problem pays for the schema, which names every problem.
      const parsed = importRowSchema.safeParse(m.input);
      if (parsed.success) values = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          const index = typeof issue.path[1] === 'number' ? issue.path[1] : 0;
          m.problems.push({ field, column: m.sources[field]?.[index] ?? null, message: issue.message });
        }
      }
    }
    mapped.push({ ...m, values });
  }

  const ok = mapped.filter((m) => m.values !== null);
  const slugs = ok.flatMap((m) => m.values!.tags.map((t) => t.slug));
  const codes = [...new Set(ok.map((m) => m.values!.unit).filter((c): c is string => c !== null))];
  const [tagIds, unitRows, areas] = await Promise.all([
    resolveTagSlugs(db, setup.orgId, slugs),
    codes.length > 0
      ? db.select({ id: units.id, code: units.code, path: units.path }).from(units).where(and(eq(units.orgId, setup.orgId), inArray(units.code, codes)))
      : Promise.resolve([]),
    deriveAreasBatch(db, ok.map((m) => ({ postcode: m.values!.postcode, wardCode: m.values!.wardCode, constituencyCode: m.values!.constituencyCode })), planOf(setup).areas),
  ]);
  const unitByCode = new Map(unitRows.map((u) => [u.code, u]));

  const valid: ImportRow[] = [];
  let areaIndex = 0;
  for (const m of mapped) {
    const v = m.values;
    const area = v ? areas[areaIndex++]! : null;
    const customFields = planOf(setup).customFields;
    const customCheck = customFields.length > 0 ? validateCustomFields(customFields, m.custom, { fromText: true, partial: true, path: 'custom' }) : NO_CUSTOM;
    if (!customCheck.ok) {
      for (const e of customCheck.errors) {
        const key = e.path.slice('custom.'.length);
        m.problems.push({ field: `custom:${key}`, column: m.customColumns[key] ?? null, message: e.message });
      }
    }
    if (!v) {
      invalid.push({ row: m.item.row, errors: m.problems, cells: m.item.cells });
      continue;
    }
    const column = (f: string) => m.sources[f]?.[0] ?? null;
    let unitId = setup.unitId;
    if (v.unit !== null) {
      const unit = unitByCode.get(v.unit);
      if (!unit) m.problems.push({ field: 'unit', column: column('unit'), message: `No unit has the code "${v.unit}".` });
      else if (!can(setup.actor, 'people.import', unit.path)) m.problems.push({ field: 'unit', column: column('unit'), message: `You may not import people into the unit "${v.unit}".` });
      else unitId = unit.id;
    }
    v.tags.forEach((t, i) => {
      if (t.slug && !tagIds.ids.has(t.slug)) m.problems.push({ field: 'tags', column: m.sources.tags?.[i] ?? null, message: `No tag is called "${t.name}"; create it first or remove it from the row.` });
    });
    for (const e of area!.errors) m.problems.push({ field: e.path, column: column(e.path) ?? column('postcode'), message: e.message });
    const names = v.firstName || v.lastName ? { firstName: v.firstName ?? '', lastName: v.lastName ?? '' } : v.fullName ? splitFullName(v.fullName) : { firstName: '', lastName: '' };
    if (!names.firstName && !names.lastName && v.email.length + v.phone.length + v.mobile.length === 0) {
      m.problems.push({ field: null, column: null, message: 'The row has no name, email or phone number.' });
    }
    if (m.problems.length > 0) {
      invalid.push({ row: m.item.row, errors: m.problems, cells: m.item.cells });
      continue;
    }
    const contacts = new Map<string, NewContact>();
    for (const e of v.email) contacts.set(`email:${e.normalised}`, { kind: 'email', value: e.value, normalised: e.normalised, label: 'other' });
    for (const p of v.mobile) contacts.set(`phone:${p.normalised}`, { kind: 'phone', value: p.value, normalised: p.normalised, label: 'mobile' });
    for (const p of v.phone) if (!contacts.has(`phone:${p.normalised}`)) contacts.set(`phone:${p.normalised}`, { kind: 'phone', value: p.value, normalised: p.normalised, label: 'other' });
    const custom = Object.fromEntries(Object.entries(customCheck.ok ? customCheck.value : {}).filter(([, value]) => value !== null));
    const row: Omit<ImportRow, 'hash'> = {
      row: m.item.row,
      unitId,
      person: {
        ...names,
        addressLine1: v.addressLine1,
        addressLine2: v.addressLine2,
        town: v.town,
        postcode: v.postcode,
        wardCode: area!.wardCode,
        constituencyCode: area!.constituencyCode,
        membershipStatus: v.membershipStatus,
        membershipNumber: v.membershipNumber,
        joinedOn: v.joinedOn,
      },
      customFields: custom,
      contacts: [...contacts.values()],
      tagIds: [...new Set(v.tags.map((t) => tagIds.ids.get(t.slug)!))],
    };
    valid.push({ ...row, hash: rowHash(row) });
  }
  return { valid, invalid };
}
