import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { ContactInput } from './inputs.ts';
import { normaliseContact } from './prepareContacts.ts';
import type { PersonRow } from './present.ts';
import { refreshSearchText } from './refreshSearchText.ts';
import { contactLabels, contactPoints, contactStatuses, people } from './schema.ts';

type Contact = typeof contactPoints.$inferSelect;
interface AuditInfo { actorAccountId: string; requestId?: string }

const touch = (tx: Db, personId: string) => tx.update(people).set({ updatedAt: sql`now()` }).where(eq(people.id, personId));
const audit = (tx: Db, person: PersonRow, action: string, contact: Contact, info: AuditInfo, changes: Record<string, unknown>) =>
  recordAudit(tx, { actorAccountId: info.actorAccountId, action, entityType: 'person', entityId: person.id, orgId: person.orgId, unitId: person.unitId, changes: { contactId: contact.id, kind: contact.kind, ...changes }, requestId: info.requestId });

// Exactly one primary per kind: making one primary demotes the rest.
async function makePrimary(tx: Db, contact: Contact) {
  await tx.update(contactPoints).set({ isPrimary: false }).where(and(eq(contactPoints.personId, contact.personId), eq(contactPoints.kind, contact.kind), ne(contactPoints.id, contact.id)));
  await tx.update(contactPoints).set({ isPrimary: true }).where(eq(contactPoints.id, contact.id));
}

/** Adds an email or phone number to a person; the first of its kind becomes primary. */
export async function addContact(tx: Db, person: PersonRow, input: ContactInput, info: AuditInfo): Promise<Contact> {
  const n = normaliseContact(input.kind, input.value);
  if ('error' in n) throw validationFailed('The contact is not valid.', [{ path: 'value', message: n.error }]);
  const [hasKind] = await tx.select({ id: contactPoints.id }).from(contactPoints).where(and(eq(contactPoints.personId, person.id), eq(contactPoints.kind, input.kind))).limit(1);
  const [row] = await tx
    .insert(contactPoints)
    .values({ orgId: person.orgId, personId: person.id, kind: input.kind, value: input.value, normalised: n.normalised, label: input.label ?? 'other', status: input.status ?? 'unverified', isPrimary: !hasKind })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('This person already has that contact.');
  if (input.isPrimary && hasKind) await makePrimary(tx, row);
  await refreshSearchText(tx, person.id);
  await touch(tx, person.id);
  await audit(tx, person, 'person.contact_add', row, info, { label: row.label, status: row.status });
  const [fresh] = await tx.select().from(contactPoints).where(eq(contactPoints.id, row.id));
  return fresh!;
}

async function loadContact(tx: Db, person: PersonRow, contactId: string): Promise<Contact> {
  const [row] = await tx.select().from(contactPoints).where(and(eq(contactPoints.id, contactId), eq(contactPoints.personId, person.id)));
  if (!row) throw notFound('Contact');
  return row;
}

/** Changes a contact's label or status, or makes it the primary of its kind. */
export async function updateContact(
  tx: Db, person: PersonRow, contactId: string,
  patch: { label?: (typeof contactLabels)[number]; status?: (typeof contactStatuses)[number]; isPrimary?: true }, info: AuditInfo,
): Promise<Contact> {
  const before = await loadContact(tx, person, contactId);
  const set: Partial<Contact> = {};
  if (patch.label && patch.label !== before.label) set.label = patch.label;
  if (patch.status && patch.status !== before.status) set.status = patch.status;
  if (Object.keys(set).length > 0) await tx.update(contactPoints).set(set).where(eq(contactPoints.id, contactId));
  const promote = patch.isPrimary === true && !before.isPrimary;
  if (promote) await makePrimary(tx, before);
  if (Object.keys(set).length === 0 && !promote) return before;
  await touch(tx, person.id);
  await audit(tx, person, 'person.contact_update', before, info, {
    ...Object.fromEntries(Object.entries(set).map(([k, v]) => [k, [before[k as keyof Contact], v]])),
    ...(promote ? { isPrimary: [false, true] } : {}),
  });
  return loadContact(tx, person, contactId);
}

/** Removes a contact; if it was primary, the oldest remaining one of its kind takes over. */
export async function removeContact(tx: Db, person: PersonRow, contactId: string, info: AuditInfo): Promise<void> {
  const before = await loadContact(tx, person, contactId);
  await tx.delete(contactPoints).where(eq(contactPoints.id, contactId));
  if (before.isPrimary) {
    const [next] = await tx.select().from(contactPoints).where(and(eq(contactPoints.personId, person.id), eq(contactPoints.kind, before.kind))).orderBy(asc(contactPoints.createdAt), asc(contactPoints.id)).limit(1);
    if (next) await makePrimary(tx, next);
  }
  await refreshSearchText(tx, person.id);
  await touch(tx, person.id);
  await audit(tx, person, 'person.contact_remove', before, info, {});
}
