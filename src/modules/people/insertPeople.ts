import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import type { MembershipStatus } from './schema.ts';
import { personSearchText } from './searchText.ts';

export interface NewContact {
  kind: 'email' | 'phone';
  value: string;
  normalised: string;
  label?: 'home' | 'work' | 'mobile' | 'other';
  isPrimary?: boolean;
}

/** A validated person ready to store (ids chosen by the caller, so retries are idempotent). */
export interface NewPerson {
  id: string;
  orgId: string;
  unitId: string;
  firstName: string;
  lastName: string;
  addressLine1?: string | null;
  addressLine2?: string | null;
  town?: string | null;
  postcode?: string | null;
  wardCode?: string | null;
  constituencyCode?: string | null;
  membershipStatus?: MembershipStatus;
  membershipNumber?: string | null;
  joinedOn?: string | null;
  customFields?: Record<string, unknown>;
  source?: string | null;
  isDemo?: boolean;
  createdBy?: string | null;
  contacts: NewContact[];
  tagIds: string[];
}

/**
 * Inserts many people with their contact points and tags in three statements, whatever the
 * batch size: each column travels as one array parameter and is `unnest`ed by the database.
 * This is the single write path for bulk work (import, demo seed, benchmarks).
 */
export async function insertPeople(db: Db, rows: NewPerson[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T,>(f: (r: NewPerson) => T) => arrayParam(rows.map(f));
  await db.execute(sql`
    insert into people (id, org_id, unit_id, first_name, last_name, address_line1, address_line2, town, postcode,
      ward_code, constituency_code, membership_status, membership_number, joined_on, custom_fields, search_text,
      source, is_demo, created_by)
    select * from unnest(
      ${col((r) => r.id)}::uuid[], ${col((r) => r.orgId)}::uuid[], ${col((r) => r.unitId)}::uuid[],
      ${col((r) => r.firstName)}::text[], ${col((r) => r.lastName)}::text[], ${col((r) => r.addressLine1 ?? null)}::text[],
      ${col((r) => r.addressLine2 ?? null)}::text[], ${col((r) => r.town ?? null)}::text[], ${col((r) => r.postcode ?? null)}::text[],
      ${col((r) => r.wardCode ?? null)}::text[], ${col((r) => r.constituencyCode ?? null)}::text[],
      ${col((r) => r.membershipStatus ?? 'none')}::text[], ${col((r) => r.membershipNumber ?? null)}::text[],
      ${col((r) => r.joinedOn ?? null)}::date[], ${col((r) => JSON.stringify(r.customFields ?? {}))}::jsonb[],
      ${col((r) => personSearchText({ ...r, contacts: r.contacts.map((c) => c.normalised) }))}::text[],
      ${col((r) => r.source ?? null)}::text[], ${col((r) => r.isDemo ?? false)}::boolean[], ${col((r) => r.createdBy ?? null)}::uuid[]
    )`);
  const contacts = rows.flatMap((r) => r.contacts.map((c, i) => ({ ...c, personId: r.id, orgId: r.orgId, isPrimary: c.isPrimary ?? i === r.contacts.findIndex((x) => x.kind === c.kind) })));
  await insertContactPoints(db, contacts);
  await insertPersonTags(db, rows.flatMap((r) => [...new Set(r.tagIds)].map((tagId) => ({ personId: r.id, tagId, orgId: r.orgId }))));
}

/** Adds contact points to people (new or existing) in one statement; ones a person already has are skipped. */
export async function insertContactPoints(db: Db, contacts: (NewContact & { personId: string; orgId: string; isPrimary: boolean })[]): Promise<void> {
  if (contacts.length === 0) return;
  const c = <T,>(f: (r: (typeof contacts)[number]) => T) => arrayParam(contacts.map(f));
  await db.execute(sql`
    insert into contact_points (org_id, person_id, kind, value, normalised, label, is_primary)
    select * from unnest(${c((x) => x.orgId)}::uuid[], ${c((x) => x.personId)}::uuid[], ${c((x) => x.kind)}::text[],
      ${c((x) => x.value)}::text[], ${c((x) => x.normalised)}::text[], ${c((x) => x.label ?? 'other')}::text[], ${c((x) => x.isPrimary)}::boolean[])
    on conflict do nothing`);
}

/** Tags people (new or existing) in one statement; tags a person already has are skipped. */
export async function insertPersonTags(db: Db, tagged: { personId: string; tagId: string; orgId: string }[]): Promise<void> {
  if (tagged.length === 0) return;
  await db.execute(sql`
    insert into person_tags (person_id, tag_id, org_id)
    select * from unnest(${arrayParam(tagged.map((t) => t.personId))}::uuid[], ${arrayParam(tagged.map((t) => t.tagId))}::uuid[], ${arrayParam(tagged.map((t) => t.orgId))}::uuid[])
    on conflict do nothing`);
}
