import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { addContact, removeContact, updateContact } from './contactCommands.ts';
import type { ContactInput } from './inputs.ts';
import { prepareContacts, type PreparedContact } from './prepareContacts.ts';
import type { PersonRow } from './present.ts';
import { contactPoints } from './schema.ts';

export type ContactListEntry = ContactInput & { id?: string };

export interface ContactPlan {
  entries: { entry: ContactListEntry; contact: PreparedContact }[];
}

/**
 * Checks a person's whole new list of contacts before anything is written: each value valid,
 * none twice, at most one primary per kind, and every id one of the person's own contacts.
 */
export async function planContacts(db: Db, person: PersonRow, list: ContactListEntry[]): Promise<{ plan: ContactPlan; errors: FieldError[] }> {
  const { contacts, errors } = prepareContacts(list);
  const own = new Set((await db.select({ id: contactPoints.id }).from(contactPoints).where(eq(contactPoints.personId, person.id))).map((r) => r.id));
  list.forEach((entry, i) => {
    if (entry.id && !own.has(entry.id)) errors.push({ path: `contacts.${i}.id`, message: 'Not one of this person’s contacts.' });
  });
  // prepareContacts drops invalid entries, so pair them back up by value only when it kept them all.
  const entries = errors.length > 0 ? [] : list.map((entry, i) => ({ entry, contact: contacts[i]! }));
  return { plan: { entries }, errors };
}

/**
 * Makes a person's contacts exactly the planned list, inside the caller's transaction: listed ids
 * are kept (label, status and primary flag follow the list; a changed value replaces the contact),
 * entries without an id are added, and the rest removed. Each step is audited as the single-contact
 * routes audit it, so the history reads the same whichever way the change was made.
 */
export async function replaceContacts(tx: Db, person: PersonRow, plan: ContactPlan, info: { actorAccountId: string; requestId?: string }): Promise<void> {
  const existing = new Map((await tx.select().from(contactPoints).where(eq(contactPoints.personId, person.id))).map((c) => [c.id, c]));
  const same = (id: string | undefined, c: PreparedContact) => id !== undefined && existing.get(id)?.kind === c.kind && existing.get(id)?.normalised === c.normalised;
  const keep = new Set(plan.entries.filter((e) => same(e.entry.id, e.contact)).map((e) => e.entry.id!));
  // Removals first, so that a replacement can take over the primary place.
  for (const id of existing.keys()) if (!keep.has(id)) await removeContact(tx, person, id, info);
  for (const { entry, contact } of plan.entries) {
    const primary = contact.isPrimary ? { isPrimary: true as const } : {};
    // A kept contact changes only what the entry states; an omitted label or status stays as it was.
    if (entry.id && keep.has(entry.id)) await updateContact(tx, person, entry.id, { label: entry.label, status: entry.status, ...primary }, info);
    else await addContact(tx, person, { kind: contact.kind, value: contact.value, label: contact.label, status: contact.status, ...primary }, info);
  }
}
