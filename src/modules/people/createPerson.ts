import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { CheckedNewPerson } from './checkPersonDetails.ts';
import type { CreatePersonInput } from './inputs.ts';
import type { PersonRow } from './present.ts';
import { contactPoints, people, personTags } from './schema.ts';
import { personSearchText } from './searchText.ts';

export interface CreatePersonCommand {
  input: CreatePersonInput;
  checked: CheckedNewPerson;
  unit: { id: string; orgId: string };
  actorAccountId: string;
  requestId?: string;
}

// What makes two creates "the same person": the stored form of every field the request sets.
type Fingerprinted = Pick<PersonRow, 'unitId' | 'firstName' | 'lastName' | 'addressLine1' | 'addressLine2' | 'town' | 'postcode' | 'wardCode' | 'constituencyCode' | 'membershipStatus' | 'membershipNumber' | 'joinedOn' | 'customFields' | 'source'>;

function fingerprint(p: Fingerprinted, contacts: string[], tagIds: string[]) {
  const { unitId, firstName, lastName, addressLine1, addressLine2, town, postcode, wardCode, constituencyCode, membershipStatus, membershipNumber, joinedOn, customFields, source } = p;
  const sortedFields = Object.fromEntries(Object.entries(customFields ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([unitId, firstName, lastName, addressLine1, addressLine2, town, postcode, wardCode, constituencyCode, membershipStatus, membershipNumber, joinedOn, sortedFields, source, [...contacts].sort(), [...tagIds].sort()]);
}

async function storedFingerprint(tx: Db, row: PersonRow): Promise<string> {
  const contacts = await execute<{ k: string }>(tx, sql`select kind || ':' || normalised || ':' || label || ':' || is_primary || ':' || status as k from contact_points where person_id = ${row.id}`);
  const tags = await execute<{ tag_id: string }>(tx, sql`select tag_id from person_tags where person_id = ${row.id}`);
  return fingerprint(row, contacts.map((c) => c.k), tags.map((t) => t.tag_id));
}

/**
 * Stores a new person with contacts and tags, and audits it, in one transaction. With a
 * client-chosen id that already exists, the same content returns the existing person
 * (`created: false`) and different content is a 409.
 */
export async function createPerson(db: Db, cmd: CreatePersonCommand): Promise<{ person: PersonRow; created: boolean }> {
  const { input, checked, unit } = cmd;
  const values = {
    id: input.id ?? crypto.randomUUID(),
    orgId: unit.orgId,
    unitId: unit.id,
    firstName: input.firstName,
    lastName: input.lastName,
    addressLine1: input.addressLine1 || null,
    addressLine2: input.addressLine2 || null,
    town: input.town || null,
    postcode: checked.postcode,
    wardCode: checked.wardCode,
    constituencyCode: checked.constituencyCode,
    membershipStatus: input.membershipStatus,
    membershipNumber: input.membershipNumber || null,
    joinedOn: input.joinedOn ?? null,
    customFields: checked.customFields,
    source: input.source || null,
    createdBy: cmd.actorAccountId,
    searchText: personSearchText({ firstName: input.firstName, lastName: input.lastName, postcode: checked.postcode, contacts: checked.contacts.map((c) => c.normalised) }),
  };
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(people).values(values).onConflictDoNothing({ target: people.id }).returning();
    if (!inserted) {
      const [existing] = await tx.select().from(people).where(eq(people.id, values.id));
      const wanted = fingerprint(values, checked.contacts.map((c) => `${c.kind}:${c.normalised}:${c.label}:${c.isPrimary}:${c.status}`), checked.tagIds);
      if (existing && existing.deletedAt === null && (await storedFingerprint(tx, existing)) === wanted) return { person: existing, created: false };
      throw conflict('A different person already has this id.');
    }
    if (checked.contacts.length > 0) {
      await tx.insert(contactPoints).values(checked.contacts.map((c) => ({ ...c, orgId: unit.orgId, personId: inserted.id })));
    }
    if (checked.tagIds.length > 0) {
      await tx.insert(personTags).values(checked.tagIds.map((tagId) => ({ personId: inserted.id, tagId, orgId: unit.orgId })));
    }
    await recordAudit(tx, {
      actorAccountId: cmd.actorAccountId,
      action: 'person.create',
      entityType: 'person',
      entityId: inserted.id,
      orgId: unit.orgId,
      unitId: unit.id,
      changes: { source: values.source, contacts: checked.contacts.length, tags: checked.tagIds.length, customFields: Object.keys(checked.customFields) },
      requestId: cmd.requestId,
    });
    return { person: inserted, created: true };
  });
}
