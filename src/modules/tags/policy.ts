import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canOrgWide, orgsWith } from '../people/orgScope.ts';
import { tags } from '../people/schema.ts';

/** Permissions that let someone see an organisation's tags. */
export const TAG_READERS = ['people.read', 'tags.manage'] as const;

/**
 * Loads a tag the actor may rename or delete. Tags are shared across the whole organisation,
 * so changing one needs `tags.manage` on its root unit; a tag of another organisation is a 404.
 */
export async function loadTagToManage(db: Db, actor: Actor, id: string) {
  const [tag] = await db.select().from(tags).where(eq(tags.id, id)).limit(1);
  if (!tag || !orgsWith(actor, TAG_READERS).includes(tag.orgId)) throw notFound('Tag');
  if (!canOrgWide(actor, 'tags.manage', tag.orgId)) throw forbidden('Only someone who manages tags for the whole organisation can change or delete a tag.');
  return tag;
}
