import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { tags } from '../people/schema.ts';
import { tagSlug } from './slug.ts';

type Tag = typeof tags.$inferSelect;
interface AuditInfo { actorAccountId: string; requestId?: string }

function slugOf(name: string): string {
  const slug = tagSlug(name);
  if (!slug) throw validationFailed('The tag name needs letters or digits.', [{ path: 'name', message: 'Must contain a letter or digit.' }]);
  return slug;
}

const taken = (slug: string) => conflict(`A tag with the slug "${slug}" already exists.`, [{ path: 'name', message: 'Already used by another tag.' }]);

/** Creates an organisation-wide tag; its slug comes from the name and must be new. */
export async function createTag(tx: Db, orgId: string, name: string, info: AuditInfo): Promise<Tag> {
  const slug = slugOf(name);
  const [tag] = await tx.insert(tags).values({ orgId, name, slug }).onConflictDoNothing().returning();
  if (!tag) throw taken(slug);
  await recordAudit(tx, { actorAccountId: info.actorAccountId, action: 'tag.create', entityType: 'tag', entityId: tag.id, orgId, changes: { name, slug }, requestId: info.requestId });
  return tag;
}

/** Renames a tag; the slug follows the name, so a clash with another tag is a 409. */
export async function renameTag(tx: Db, tag: Tag, name: string, info: AuditInfo): Promise<Tag> {
  const slug = slugOf(name);
  if (name === tag.name && slug === tag.slug) return tag;
  const [clash] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.orgId, tag.orgId), eq(tags.slug, slug), ne(tags.id, tag.id))).limit(1);
  if (clash) throw taken(slug);
  const [after] = await tx.update(tags).set({ name, slug }).where(eq(tags.id, tag.id)).returning();
  await recordAudit(tx, {
    actorAccountId: info.actorAccountId, action: 'tag.rename', entityType: 'tag', entityId: tag.id, orgId: tag.orgId,
    changes: { name: [tag.name, name], slug: [tag.slug, slug] }, requestId: info.requestId,
  });
  return after!;
}

/** Deletes a tag and takes it off everyone who had it. */
export async function deleteTag(tx: Db, tag: Tag, info: AuditInfo): Promise<void> {
  const [n] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from person_tags where tag_id = ${tag.id}`);
  await tx.delete(tags).where(eq(tags.id, tag.id));
  await recordAudit(tx, {
    actorAccountId: info.actorAccountId, action: 'tag.delete', entityType: 'tag', entityId: tag.id, orgId: tag.orgId,
    changes: { name: tag.name, slug: tag.slug, untagged: n?.n ?? 0 }, requestId: info.requestId,
  });
}
