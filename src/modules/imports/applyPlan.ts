import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { insertContactPoints, insertPeople, insertPersonTags, type NewPerson } from '../people/insertPeople.ts';
import { personSearchText } from '../people/searchText.ts';
import type { BatchPlan, PersonImage } from './planBatch.ts';

export interface ApplyContext {
  orgId: string;
  source: string;
  createdBy: string | null;
}

function toNewPerson(ctx: ApplyContext, image: PersonImage): NewPerson {
  return {
    id: image.id,
    orgId: ctx.orgId,
    unitId: image.unitId,
    ...image.person,
    customFields: image.customFields,
    source: ctx.source,
    createdBy: ctx.createdBy,
    contacts: image.addedContacts,
    tagIds: image.addedTags,
  };
}

// Fill-only in SQL as well: a value someone stored since the batch read the person wins.
async function fillPeople(db: Db, images: PersonImage[]): Promise<void> {
  if (images.length === 0) return;
  const col = <T,>(f: (i: PersonImage) => T) => arrayParam(images.map(f));
  const contacts = (i: PersonImage) => [...i.contactKeys].map((k) => k.slice(k.indexOf(':') + 1));
  await db.execute(sql`
    update people p set
      first_name = case when p.first_name = '' then v.first_name else p.first_name end,
      last_name = case when p.last_name = '' then v.last_name else p.last_name end,
      address_line1 = coalesce(nullif(p.address_line1, ''), v.address_line1),
      address_line2 = coalesce(nullif(p.address_line2, ''), v.address_line2),
      town = coalesce(nullif(p.town, ''), v.town),
      postcode = coalesce(nullif(p.postcode, ''), v.postcode),
      ward_code = coalesce(p.ward_code, v.ward_code),
      constituency_code = coalesce(p.constituency_code, v.constituency_code),
      membership_status = case when p.membership_status = 'none' then v.membership_status else p.membership_status end,
      membership_number = coalesce(nullif(p.membership_number, ''), v.membership_number),
      joined_on = coalesce(p.joined_on, v.joined_on),
      custom_fields = v.custom_fields || p.custom_fields,
      search_text = v.search_text,
      updated_at = now()
    from unnest(
      ${col((i) => i.id)}::uuid[], ${col((i) => i.person.firstName)}::text[], ${col((i) => i.person.lastName)}::text[],
      ${col((i) => i.person.addressLine1)}::text[], ${col((i) => i.person.addressLine2)}::text[], ${col((i) => i.person.town)}::text[],
      ${col((i) => i.person.postcode)}::text[], ${col((i) => i.person.wardCode)}::text[], ${col((i) => i.person.constituencyCode)}::text[],
      ${col((i) => i.person.membershipStatus)}::text[], ${col((i) => i.person.membershipNumber)}::text[], ${col((i) => i.person.joinedOn)}::date[],
      ${col((i) => JSON.stringify(i.customFields))}::jsonb[],
      ${col((i) => personSearchText({ firstName: i.person.firstName, lastName: i.person.lastName, postcode: i.person.postcode, contacts: contacts(i) }))}::text[]
    ) as v(id, first_name, last_name, address_line1, address_line2, town, postcode, ward_code, constituency_code,
           membership_status, membership_number, joined_on, custom_fields, search_text)
    where p.id = v.id`);
}

/**
 * Writes a batch plan with a fixed number of statements: new people through insertPeople,
 * one set-based fill of existing people, their new contacts and tags, and the row keys that
 * make a re-run of the same rows change nothing.
 */
export async function applyPlan(db: Db, ctx: ApplyContext, plan: BatchPlan): Promise<void> {
  const created = plan.touched.filter((i) => i.isNew);
  const existing = plan.touched.filter((i) => !i.isNew);
  await insertPeople(db, created.map((i) => toNewPerson(ctx, i)));
  await fillPeople(db, existing.filter((i) => i.fieldsChanged || i.addedContacts.length > 0));
  await insertContactPoints(db, existing.flatMap((i) => i.addedContacts.map((c) => ({ ...c, personId: i.id, orgId: ctx.orgId }))));
  await insertPersonTags(db, existing.flatMap((i) => i.addedTags.map((tagId) => ({ personId: i.id, tagId, orgId: ctx.orgId }))));
  if (plan.rowKeys.length > 0) {
    await db.execute(sql`
      insert into import_row_keys (org_id, row_hash, person_id)
      select ${ctx.orgId}::uuid, h, p from unnest(${arrayParam(plan.rowKeys.map((k) => k.hash))}::text[], ${arrayParam(plan.rowKeys.map((k) => k.personId))}::uuid[]) as k(h, p)
      on conflict do nothing`);
  }
}
