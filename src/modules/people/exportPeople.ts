import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden } from '../../server/errors.ts';
import { canAnywhere, scopePaths, type Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { units } from '../units/schema.ts';
import { peopleFilterSql, type PeopleFilter } from './filters.ts';
import { auditActorId } from '../accounts/systemActor.ts';

// A spreadsheet runs a cell starting with one of these as a formula (the full-width forms too).
const FORMULA_START = /^[=+\-@\t\r'\uff1d\uff0b\uff0d\uff20]/;
const ESCAPED = /^'[=+\-@\t\r'\uff1d\uff0b\uff0d\uff20]/;

/** Makes a cell inert in spreadsheets by prefixing "'" when it could start a formula (or starts with "'"). */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `escapeFormula`, so a file we exported imports back unchanged. */
export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

/** CSV text for rows of cells, each escaped against formula injection. */
export function csvLines(rows: (string | null)[][]): string {
  return stringify(rows.map((r) => r.map((c) => escapeFormula(c ?? ''))));
}

const FIXED_COLUMNS = [
  'id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'address_line1', 'address_line2', 'town', 'postcode',
  'ward_code', 'constituency_code', 'membership_status', 'membership_number', 'joined_on', 'tags', 'unit',
] as const;
const PAGE = 2000;

interface ExportRow {
  id: string;
  first_name: string;
  last_name: string;
  emails: string | null;
  phones: string | null;
  mobiles: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  ward_code: string | null;
  constituency_code: string | null;
  membership_status: string;
  membership_number: string | null;
  joined_on: string | null;
  tags: string | null;
  unit: string;
  custom_fields: Record<string, unknown>;
  created_at: string | Date;
  updated_at: string | Date;
}

const customText = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));
const iso = (d: string | Date) => new Date(d).toISOString();

function page(db: Db, where: SQL, after: [string, string, string] | null) {
  const keyset = after ? sql`and (people.last_name, people.first_name, people.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : sql``;
  return execute<ExportRow>(db, sql`
    select people.id, people.first_name, people.last_name, people.address_line1, people.address_line2, people.town, people.postcode,
      people.ward_code, people.constituency_code, people.membership_status, people.membership_number, people.joined_on::text as joined_on,
      people.custom_fields, people.created_at, people.updated_at, ${units.code} as unit,
      (select string_agg(c.value, '; ' order by c.is_primary desc, c.created_at, c.id) from contact_points c where c.person_id = people.id and c.kind = 'email') as emails,
      (select string_agg(c.value, '; ' order by c.is_primary desc, c.created_at, c.id) from contact_points c where c.person_id = people.id and c.kind = 'phone' and c.label <> 'mobile') as phones,
      (select string_agg(c.value, '; ' order by c.is_primary desc, c.created_at, c.id) from contact_points c where c.person_id = people.id and c.kind = 'phone' and c.label = 'mobile') as mobiles,
      (select string_agg(t.slug, ', ' order by t.slug) from person_tags pt join tags t on t.id = pt.tag_id where pt.person_id = people.id) as tags
    from people join ${units} on ${units.id} = people.unit_id
    where ${where} ${keyset}
    order by people.last_name, people.first_name, people.id
    limit ${PAGE}`);
}

export interface PeopleExport {
  /** People in the export, counted when it was audited. */
  count: number;
  /** The CSV, a page of people at a time, so memory stays flat however long the list. */
  chunks: AsyncGenerator<string>;
}

/**
 * Exports the people a filter selects within the actor's `people.export` scope as CSV. The
 * export is audited (filter and count) before the first byte leaves; the command line runs
 * as the system and is audited with no actor. Cells are escaped against formula injection.
 */
export async function exportPeople(db: Db, actor: Actor, filter: PeopleFilter, opts: { requestId?: string | null } = {}): Promise<PeopleExport> {
  if (!canAnywhere(actor, 'people.export')) throw forbidden();
  const where = await peopleFilterSql(db, actor, filter, 'people.export');
  const orgIds = [...new Set(actor.grants.filter((g) => scopePaths(actor, 'people.export').includes(g.unitPath)).map((g) => g.orgId))];
  const keys = await execute<{ key: string }>(db, sql`
    select key from custom_field_definitions where org_id = any(${arrayParam(orgIds)}::uuid[]) group by key order by min(created_at), key limit 200`);
  const customKeys = keys.map((k) => k.key);
  const count = await db.transaction(async (tx) => {
    const [row] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from people where ${where}`);
    await recordAudit(tx, {
      actorAccountId: auditActorId(actor),
      action: 'people.export',
      entityType: 'people',
      orgId: orgIds.length === 1 ? orgIds[0] : null,
      unitId: filter.unit ?? null,
      changes: { filter, count: row!.n, format: 'csv' },
      requestId: opts.requestId ?? null,
    });
    return row!.n;
  });

  async function* chunks(): AsyncGenerator<string> {
    // The byte order mark makes spreadsheets read the file as UTF-8.
    yield `\uFEFF${csvLines([[...FIXED_COLUMNS, ...customKeys.map((k) => `custom:${k}`), 'created_at', 'updated_at']])}`;
    let after: [string, string, string] | null = null;
    for (;;) {
      const rows = await page(db, where, after);
      if (rows.length === 0) return;
      yield csvLines(
        rows.map((r) => [
          r.id, r.first_name, r.last_name, r.emails, r.phones, r.mobiles, r.address_line1, r.address_line2, r.town, r.postcode,
          r.ward_code, r.constituency_code, r.membership_status, r.membership_number, r.joined_on, r.tags, r.unit,
          ...customKeys.map((k) => customText(r.custom_fields?.[k])), iso(r.created_at), iso(r.updated_at),
        ]),
      );
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = [last.last_name, last.first_name, last.id];
    }
  }
  return { count, chunks: chunks() };
}
