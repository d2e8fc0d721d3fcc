import type { Database } from '../../src/db/connection.ts';
import { insertPeople, type NewContact, type NewPerson } from '../../src/modules/people/insertPeople.ts';
import { normaliseEmail, normalisePhone } from '../../src/modules/people/normalise.ts';
import type { BenchOrganisation } from './benchOrganisation.ts';
import type { SyntheticPerson } from './syntheticPeople.ts';
import { tagSlug } from './syntheticPeople.ts';

/** A generated person as `insertPeople` takes them: contacts normalised, unit from the constituency. */
export function toNewPerson(p: SyntheticPerson, org: BenchOrganisation): NewPerson {
  const contacts: NewContact[] = [];
  const email = p.email ? normaliseEmail(p.email) : null;
  if (email) contacts.push({ kind: 'email', value: p.email!, normalised: email, label: 'home', isPrimary: true });
  const phone = p.phone ? normalisePhone(p.phone) : null;
  if (phone) contacts.push({ kind: 'phone', value: p.phone!, normalised: phone, label: 'mobile', isPrimary: true });
  return {
    id: crypto.randomUUID(),
    orgId: org.orgId,
    unitId: org.unitOfConstituency.get(p.constituencyCode) ?? org.rootId,
    firstName: p.firstName,
    lastName: p.lastName,
    addressLine1: p.addressLine1,
    town: p.town,
    postcode: p.postcode,
    wardCode: p.wardCode,
    constituencyCode: p.constituencyCode,
    membershipStatus: p.membershipStatus,
    membershipNumber: p.membershipNumber,
    joinedOn: p.joinedOn,
    source: 'bench',
    contacts,
    tagIds: p.tags.map((t) => org.tagIds.get(tagSlug(t))!),
  };
}

export interface SeedResult {
  rows: number;
  /** Wall time of the whole loop, and the part spent inside insertPeople. */
  seconds: number;
  insertSeconds: number;
}

/**
 * Loads people through the project's bulk write path (`insertPeople`) in batches. Building a
 * batch is timed apart from inserting it, so the insert rate is the database path alone.
 */
export async function seedPeople(
  database: Database,
  org: BenchOrganisation,
  people: Iterable<SyntheticPerson>,
  opts: { batchSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<SeedResult> {
  const size = opts.batchSize ?? 5000;
  const started = performance.now();
  let insertMs = 0;
  let rows = 0;
  let batch: NewPerson[] = [];
  const flush = async () => {
    const t = performance.now();
    await insertPeople(database.db, batch);
    insertMs += performance.now() - t;
    rows += batch.length;
    batch = [];
    opts.onProgress?.(rows);
  };
  for (const p of people) {
    batch.push(toNewPerson(p, org));
    if (batch.length >= size) await flush();
  }
  if (batch.length) await flush();
  return { rows, seconds: (performance.now() - started) / 1000, insertSeconds: insertMs / 1000 };
}
