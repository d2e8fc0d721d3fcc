import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { people } from './schema.ts';
import type { ContactView, PersonDetail, PersonSummary } from './views.ts';

export type PersonRow = typeof people.$inferSelect;

interface Related {
  contacts: Map<string, ContactView[]>;
  tags: Map<string, { slug: string; name: string }[]>;
  units: Map<string, string>;
  areas: Map<string, string>;
}

const group = <T,>(rows: (T & { personId: string })[]) => {
  const out = new Map<string, T[]>();
  for (const { personId, ...rest } of rows) out.set(personId, [...(out.get(personId) ?? []), rest as unknown as T]);
  return out;
};

// Four queries whatever the number of people, so a page of 200 costs the same as a page of 1.
async function loadRelated(db: Db, rows: PersonRow[], allContacts: boolean): Promise<Related> {
  const ids = arrayParam(rows.map((r) => r.id));
  const unitIds = arrayParam([...new Set(rows.map((r) => r.unitId))]);
  const codes = arrayParam([...new Set(rows.flatMap((r) => [r.wardCode, r.constituencyCode]).filter(Boolean))]);
  const [contacts, tags, units, areas] = await Promise.all([
    execute<ContactView & { personId: string }>(db, sql`
      select person_id as "personId", id, kind, value, label, is_primary as "isPrimary", status from contact_points
      where person_id = any(${ids}::uuid[]) ${allContacts ? sql`` : sql`and is_primary`}
      order by kind, is_primary desc, created_at, id`),
    execute<{ personId: string; slug: string; name: string }>(db, sql`
      select pt.person_id as "personId", t.slug, t.name from person_tags pt join tags t on t.id = pt.tag_id
      where pt.person_id = any(${ids}::uuid[]) order by t.name, t.slug`),
    execute<{ id: string; name: string }>(db, sql`select id, name from units where id = any(${unitIds}::uuid[])`),
    execute<{ code: string; name: string }>(db, sql`select code, name from areas where code = any(${codes}::text[])`),
  ]);
  return {
    contacts: group(contacts),
    tags: group(tags),
    units: new Map(units.map((u) => [u.id, u.name])),
    areas: new Map(areas.map((a) => [a.code, a.name])),
  };
}

const area = (rel: Related, code: string | null) => (code ? { code, name: rel.areas.get(code) ?? code } : null);
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function summary(row: PersonRow, rel: Related): PersonSummary {
  const contacts = rel.contacts.get(row.id) ?? [];
  const primary = (kind: 'email' | 'phone') => contacts.find((c) => c.kind === kind && c.isPrimary)?.value ?? null;
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    unit: { id: row.unitId, name: rel.units.get(row.unitId) ?? '' },
    primaryEmail: primary('email'),
    primaryPhone: primary('phone'),
    postcode: row.postcode,
    ward: area(rel, row.wardCode),
    membershipStatus: row.membershipStatus,
    tags: rel.tags.get(row.id) ?? [],
    updatedAt: iso(row.updatedAt),
  };
}

/** People rows → list summaries, in a fixed number of queries. */
export async function presentPeople(db: Db, rows: PersonRow[]): Promise<PersonSummary[]> {
  if (rows.length === 0) return [];
  const rel = await loadRelated(db, rows, false);
  return rows.map((r) => summary(r, rel));
}

/** People rows → full records (contacts, custom fields, areas), in a fixed number of queries. */
export async function presentPeopleInFull(db: Db, rows: PersonRow[]): Promise<PersonDetail[]> {
  if (rows.length === 0) return [];
  const rel = await loadRelated(db, rows, true);
  return rows.map((row) => ({
    ...summary(row, rel),
    orgId: row.orgId,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    town: row.town,
    constituency: area(rel, row.constituencyCode),
    membershipNumber: row.membershipNumber,
    joinedOn: row.joinedOn,
    contacts: rel.contacts.get(row.id) ?? [],
    customFields: row.customFields ?? {},
    source: row.source,
    createdAt: iso(row.createdAt),
    isDemo: row.isDemo,
  }));
}

/** One person in full. */
export async function presentPerson(db: Db, row: PersonRow): Promise<PersonDetail> {
  return (await presentPeopleInFull(db, [row]))[0]!;
}
