import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canOrgWide, orgsWith } from '../people/orgScope.ts';
import { customFieldDefinitions } from '../people/schema.ts';

/** Permissions that let someone see an organisation's custom fields. */
export const FIELD_READERS = ['people.read', 'fields.manage'] as const;

/**
 * Custom fields shape every person in the organisation (a required field binds every unit), so
 * defining or changing one needs `fields.manage` on the organisation's root unit.
 */
export function assertMayManageFields(actor: Actor, orgId: string): void {
  if (!canOrgWide(actor, 'fields.manage', orgId)) throw forbidden('Only someone who manages fields for the whole organisation can change custom fields.');
}

/** A field definition the actor may change; one of another organisation is a 404. */
export async function loadFieldToManage(db: Db, actor: Actor, id: string) {
  const [field] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id)).limit(1);
  if (!field || !orgsWith(actor, FIELD_READERS).includes(field.orgId)) throw notFound('Custom field');
  assertMayManageFields(actor, field.orgId);
  return field;
}
