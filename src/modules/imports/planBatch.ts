import { timeOrderedId } from '../../db/timeOrderedId.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { NewContact } from '../people/insertPeople.ts';
import type { MembershipStatus } from '../people/schema.ts';
import type { ImportRow } from './validateRows.ts';

export type RowOutcome = 'created' | 'updated' | 'unchanged';
type PersonFields = Omit<ImportRow['person'], 'membershipStatus'> & { membershipStatus: MembershipStatus };

/** A person as the import sees them: what is stored plus what this import adds. */
export interface PersonImage {
  id: string;
  unitId: string;
  isNew: boolean;
  person: PersonFields;
  customFields: Record<string, unknown>;
  /** Every contact as "kind:normalised", stored or added. */
  contactKeys: Set<string>;
  primaryKinds: Set<string>;
  tagIds: Set<string>;
  /** Contacts and tags to add (for a new person: all of them). */
  addedContacts: (NewContact & { isPrimary: boolean })[];
  addedTags: string[];
  fieldsChanged: boolean;
}

/**
 * What rows have already been matched to whom. A real import starts each batch afresh (the
 * database holds earlier batches); a dry run keeps it for the whole file because nothing is
 * written.
 */
export interface PlanState {
  /** "email:…" → the one person it matches; "phone:…" → everyone who has it, oldest first. */
  byContact: Map<string, string[]>;
  byHash: Map<string, string>;
  images: Map<string, PersonImage>;
}

export const newPlanState = (): PlanState => ({ byContact: new Map(), byHash: new Map(), images: new Map() });

/** How many people one phone number is matched against (a shared landline, not a switchboard). */
export const PHONE_CANDIDATES = 50;

export interface BatchPlan {
  outcomes: Map<number, RowOutcome>;
  /** People to create or change, in first-touched order. */
  touched: PersonImage[];
  rowKeys: { hash: string; personId: string }[];
}

const contactKey = (c: { kind: string; normalised: string }) => `${c.kind}:${c.normalised}`;
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

interface StoredPerson {
  id: string;
  unit_id: string;
  first_name: string;
  last_name: string;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  ward_code: string | null;
  constituency_code: string | null;
  membership_status: MembershipStatus;
  membership_number: string | null;
  joined_on: string | null;
  custom_fields: Record<string, unknown> | null;
  contacts: string[] | null;
  primary_kinds: string[] | null;
  tag_ids: string[] | null;
}

// One query for every match a batch can have: earlier imports of the same row, live people
// with the same email (the oldest record when several share one), and live people with the
// same phone (the oldest few: whether one of them is the row's person depends on the name).
async function lookUpMatches(db: Db, orgId: string, rows: ImportRow[], state: PlanState): Promise<void> {
  const hashes = [...new Set(rows.map((r) => r.hash).filter((h) => !state.byHash.has(h)))];
  const keys = rows.flatMap((r) => r.contacts).filter((c) => !state.byContact.has(contactKey(c)));
  const emails = [...new Set(keys.filter((c) => c.kind === 'email').map((c) => c.normalised))];
  const phones = [...new Set(keys.filter((c) => c.kind === 'phone').map((c) => c.normalised))];
  if (hashes.length + emails.length + phones.length === 0) return;
  const found = await execute<{ k: string; v: string; person_id: string }>(db, sql`
    select 'hash' as k, row_hash as v, person_id, 1::bigint as n from import_row_keys where org_id = ${orgId} and row_hash = any(${arrayParam(hashes)}::text[])
    union all
    select m.kind, m.normalised, m.person_id, m.n from (
      select cp.kind, cp.normalised, cp.person_id,
        row_number() over (partition by cp.kind, cp.normalised order by p.created_at, p.id) as n
      from contact_points cp join people p on p.id = cp.person_id and p.deleted_at is null
      where cp.org_id = ${orgId}
        and ((cp.kind = 'email' and cp.normalised = any(${arrayParam(emails)}::text[])) or (cp.kind = 'phone' and cp.normalised = any(${arrayParam(phones)}::text[])))
    ) m
    where m.n = 1 or (m.kind = 'phone' and m.n <= ${PHONE_CANDIDATES})
    order by k, v, n`);
  for (const f of found) {
    if (f.k === 'hash') state.byHash.set(f.v, f.person_id);
    else {
      const key = `${f.k}:${f.v}`;
      const ids = state.byContact.get(key);
      if (ids) ids.push(f.person_id);
      else state.byContact.set(key, [f.person_id]);
    }
  }
}

/** A name as compared for a match by phone: case, accents, punctuation and spacing ignored. */
export function nameKey(p: { firstName: string; lastName: string }): string {
  const name = `${p.firstName} ${p.lastName}`;
  const plain = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whom a row is: the person one of its emails belongs to; otherwise someone with one of its
 * phone numbers and the same name (people of one household often share a landline, so a
 * phone alone is not enough).
 */
function matchOf(row: ImportRow, state: PlanState): PersonImage | undefined {
  for (const c of row.contacts) {
    if (c.kind !== 'email') continue;
    const id = state.byContact.get(contactKey(c))?.[0];
    const image = id === undefined ? undefined : state.images.get(id);
    if (image) return image;
  }
  let name: string | undefined;
  for (const c of row.contacts) {
    if (c.kind !== 'phone') continue;
    for (const id of state.byContact.get(contactKey(c)) ?? []) {
      const image = state.images.get(id);
      if (image && nameKey(image.person) === (name ??= nameKey(row.person))) return image;
    }
  }
  return undefined;
}

async function loadImages(db: Db, ids: string[], state: PlanState): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !state.images.has(id));
  if (missing.length === 0) return;
  const rows = await execute<StoredPerson>(db, sql`
    select p.id, p.unit_id, p.first_name, p.last_name, p.address_line1, p.address_line2, p.town, p.postcode, p.ward_code,
      p.constituency_code, p.membership_status, p.membership_number, p.joined_on::text as joined_on, p.custom_fields,
      (select array_agg(c.kind || ':' || c.normalised) from contact_points c where c.person_id = p.id) as contacts,
      (select array_agg(distinct c.kind) from contact_points c where c.person_id = p.id and c.is_primary) as primary_kinds,
      (select array_agg(t.tag_id::text) from person_tags t where t.person_id = p.id) as tag_ids
    from people p where p.id = any(${arrayParam(missing)}::uuid[])`);
  for (const r of rows) {
    state.images.set(r.id, {
      id: r.id,
      unitId: r.unit_id,
      isNew: false,
      person: {
        firstName: r.first_name, lastName: r.last_name, addressLine1: r.address_line1, addressLine2: r.address_line2, town: r.town,
        postcode: r.postcode, wardCode: r.ward_code, constituencyCode: r.constituency_code, membershipStatus: r.membership_status,
        membershipNumber: r.membership_number, joinedOn: r.joined_on,
      },
      customFields: r.custom_fields ?? {},
      contactKeys: new Set(r.contacts ?? []),
      primaryKinds: new Set(r.primary_kinds ?? []),
      tagIds: new Set(r.tag_ids ?? []),
      addedContacts: [],
      addedTags: [],
      fieldsChanged: false,
    });
  }
}

/** Fills what the person lacks from the row; never overwrites or removes. True when anything was added. */
function applyRow(image: PersonImage, row: ImportRow): boolean {
  let changed = false;
  for (const [field, value] of Object.entries(row.person) as [keyof PersonFields, string | null][]) {
    const current = image.person[field];
    const empty = field === 'membershipStatus' ? current === 'none' : isEmpty(current);
    if (empty && !isEmpty(value) && value !== current) {
      (image.person as Record<string, unknown>)[field] = value;
      image.fieldsChanged = changed = true;
    }
  }
  for (const [key, value] of Object.entries(row.customFields)) {
    if (isEmpty(image.customFields[key])) {
      image.customFields = { ...image.customFields, [key]: value };
      image.fieldsChanged = changed = true;
    }
  }
  for (const c of row.contacts) {
    const key = contactKey(c);
    if (image.contactKeys.has(key)) continue;
    image.contactKeys.add(key);
    image.addedContacts.push({ ...c, isPrimary: !image.primaryKinds.has(c.kind) });
    image.primaryKinds.add(c.kind);
    changed = true;
  }
  for (const tagId of row.tagIds) {
    if (image.tagIds.has(tagId)) continue;
    image.tagIds.add(tagId);
    image.addedTags.push(tagId);
    changed = true;
  }
  return changed;
}

function newImage(row: ImportRow): PersonImage {
  return {
    id: timeOrderedId(),
    unitId: row.unitId,
    isNew: true,
    person: {
      firstName: '', lastName: '', addressLine1: null, addressLine2: null, town: null, postcode: null, wardCode: null,
      constituencyCode: null, membershipStatus: 'none', membershipNumber: null, joinedOn: null,
    },
    customFields: {},
    contactKeys: new Set(),
    primaryKinds: new Set(),
    tagIds: new Set(),
    addedContacts: [],
    addedTags: [],
    fieldsChanged: false,
  };
}

/**
 * Decides what each valid row does, with two queries for the whole batch: a row seen before
 * (same content hash) changes nothing; a row whose email belongs to someone, or else whose
 * phone belongs to someone of the same name (stored, or made by an earlier row of the file),
 * is merged into them; any other row creates a person. Merging fills empty fields and adds
 * contacts and tags, never removes.
 */
export async function planBatch(db: Db, orgId: string, rows: ImportRow[], state: PlanState): Promise<BatchPlan> {
  await lookUpMatches(db, orgId, rows, state);
  const matched = rows.flatMap((r) => r.contacts.flatMap((c) => state.byContact.get(contactKey(c)) ?? []));
  await loadImages(db, matched, state);

  const outcomes = new Map<number, RowOutcome>();
  const touched = new Map<string, PersonImage>();
  const rowKeys: BatchPlan['rowKeys'] = [];
  for (const row of rows) {
    if (state.byHash.has(row.hash)) {
      outcomes.set(row.row, 'unchanged');
      continue;
    }
    let image = matchOf(row, state);
    let outcome: RowOutcome;
    if (!image) {
      image = newImage(row);
      state.images.set(image.id, image);
      applyRow(image, row);
      outcome = 'created';
    } else {
      outcome = applyRow(image, row) ? 'updated' : 'unchanged';
    }
    outcomes.set(row.row, outcome);
    if (outcome !== 'unchanged' || image.isNew) touched.set(image.id, image);
    for (const c of row.contacts) {
      const ids = state.byContact.get(contactKey(c));
      if (!ids) state.byContact.set(contactKey(c), [image.id]);
      else if (c.kind === 'phone' && !ids.includes(image.id)) ids.push(image.id);
    }
    state.byHash.set(row.hash, image.id);
    rowKeys.push({ hash: row.hash, personId: image.id });
  }
  return { outcomes, touched: [...touched.values()], rowKeys };
}
