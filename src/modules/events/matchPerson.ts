import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { deriveAreas } from '../people/deriveAreas.ts';
import { insertContactPoints, insertPeople, type NewContact } from '../people/insertPeople.ts';
import { normaliseEmail, normalisePhone, normalisePostcode } from '../people/normalise.ts';
import { refreshSearchText } from '../people/refreshSearchText.ts';
import { nameKey, PHONE_CANDIDATES } from '../imports/planBatch.ts';

export interface GivenDetails {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  postcode?: string | null;
}

export interface CheckedDetails {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
  contacts: NewContact[];
}

/** Checks a name, email or phone (at least one) and postcode given on a form; every problem in one 422. */
export function checkDetails(d: GivenDetails): CheckedDetails {
  const errors: { path: string; message: string }[] = [];
  const email = d.email ? normaliseEmail(d.email) : null;
  const phone = d.phone ? normalisePhone(d.phone) : null;
  if (d.email && !email) errors.push({ path: 'email', message: 'Not an email address.' });
  if (d.phone && !phone) errors.push({ path: 'phone', message: 'Not a phone number.' });
  if (!d.email && !d.phone) errors.push({ path: 'email', message: 'Give an email address or a phone number.' });
  const postcode = d.postcode ? normalisePostcode(d.postcode) : null;
  if (d.postcode && !postcode) errors.push({ path: 'postcode', message: 'Not a UK postcode.' });
  if (errors.length > 0) throw validationFailed('Some details are not valid.', errors);
  const contacts: NewContact[] = [];
  if (email) contacts.push({ kind: 'email', value: d.email!.trim(), normalised: email, label: 'other' });
  if (phone) contacts.push({ kind: 'phone', value: d.phone!.trim(), normalised: phone, label: 'other' });
  return { firstName: d.firstName, lastName: d.lastName, email, phone, postcode, contacts };
}

/**
 * The person these details belong to in the organisation, as imports match them: the oldest
 * live person with the same email, else one with the same phone and the same name. A match gains the contacts it lacks
 * and a postcode if it had none (never overwriting); no match creates a person in `unitId`.
 */
export async function matchOrCreatePerson(
  tx: Db,
  at: { orgId: string; unitId: string },
  d: CheckedDetails,
  audit: { actorAccountId: string | null; source: string; requestId?: string },
): Promise<{ personId: string; created: boolean }> {
  // Candidates as imports take them: the oldest live person with the email, and the oldest few with the phone.
  const candidates = await execute<{ kind: string; person_id: string; unit_id: string; first_name: string; last_name: string; postcode: string | null; kinds: string[] | null; primaries: string[] | null }>(tx, sql`
    select m.kind, m.person_id, p.unit_id, p.first_name, p.last_name, p.postcode,
      (select array_agg(c.kind || ':' || c.normalised) from contact_points c where c.person_id = m.person_id) as kinds,
      (select array_agg(distinct c.kind) from contact_points c where c.person_id = m.person_id and c.is_primary) as primaries
    from (
      select cp.kind, cp.person_id, row_number() over (partition by cp.kind order by p.created_at, p.id) as n
      from contact_points cp join people p on p.id = cp.person_id and p.deleted_at is null
      where cp.org_id = ${at.orgId}
        and ((cp.kind = 'email' and cp.normalised = ${d.email ?? ''}) or (cp.kind = 'phone' and cp.normalised = ${d.phone ?? ''}))
    ) m join people p on p.id = m.person_id
    where m.n = 1 or (m.kind = 'phone' and m.n <= ${PHONE_CANDIDATES})
    order by (m.kind = 'email') desc, m.n`);
  // An email is enough; a phone (often a household's landline) only with the same name.
  const name = nameKey(d);
  const found = candidates.find((c) => c.kind === 'email') ?? candidates.find((c) => nameKey({ firstName: c.first_name, lastName: c.last_name }) === name);
  if (found) await tx.execute(sql`select 1 from people where id = ${found.person_id} for update`);
  if (found) {
    const has = new Set(found.kinds ?? []);
    const primaries = new Set(found.primaries ?? []);
    const added = d.contacts.filter((c) => !has.has(`${c.kind}:${c.normalised}`)).map((c) => ({ ...c, personId: found.person_id, orgId: at.orgId, isPrimary: !primaries.has(c.kind) }));
    await insertContactPoints(tx, added);
    let postcodeAdded = false;
    if (!found.postcode && d.postcode) {
      const areas = await deriveAreas(tx, { postcode: d.postcode });
      await tx.execute(sql`update people set postcode = ${d.postcode}, ward_code = ${areas.wardCode}, constituency_code = ${areas.constituencyCode}, updated_at = now() where id = ${found.person_id}`);
      postcodeAdded = true;
    }
    if (added.length > 0 || postcodeAdded) {
      await refreshSearchText(tx, found.person_id);
      await recordAudit(tx, {
        actorAccountId: audit.actorAccountId, action: 'person.update', entityType: 'person', entityId: found.person_id, orgId: at.orgId, unitId: found.unit_id,
        changes: { source: audit.source, contactsAdded: added.map((c) => c.kind), postcodeAdded }, requestId: audit.requestId,
      });
    }
    return { personId: found.person_id, created: false };
  }
  const areas = d.postcode ? await deriveAreas(tx, { postcode: d.postcode }) : { wardCode: null, constituencyCode: null };
  const id = crypto.randomUUID();
  await insertPeople(tx, [{
    id, orgId: at.orgId, unitId: at.unitId, firstName: d.firstName, lastName: d.lastName, postcode: d.postcode,
    wardCode: areas.wardCode, constituencyCode: areas.constituencyCode, source: audit.source, createdBy: audit.actorAccountId,
    contacts: d.contacts.map((c) => ({ ...c, isPrimary: true })), tagIds: [],
  }]);
  await recordAudit(tx, {
    actorAccountId: audit.actorAccountId, action: 'person.create', entityType: 'person', entityId: id, orgId: at.orgId, unitId: at.unitId,
    changes: { source: audit.source, contacts: d.contacts.length }, requestId: audit.requestId,
  });
  return { personId: id, created: true };
}
