import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { resolveTagSlugs } from '../tags/queries.ts';
import type { PersonRow } from './present.ts';
import { people, personTags, tags } from './schema.ts';

/** Replaces a person's tags with the given slugs (unknown slugs are a 422) and audits what changed. */
export async function setPersonTags(tx: Db, person: PersonRow, slugs: string[], info: { actorAccountId: string; requestId?: string }) {
  const resolved = await resolveTagSlugs(tx, person.orgId, slugs);
  if (resolved.unknown.length > 0) throw validationFailed('Unknown tags.', resolved.unknown.map((s) => ({ path: 'tags', message: `Unknown tag "${s}".` })));
  const wanted = [...new Set(slugs.map((s) => resolved.ids.get(s.trim())!))];
  const removed = await tx
    .delete(personTags)
    .where(and(eq(personTags.personId, person.id), wanted.length > 0 ? notInArray(personTags.tagId, wanted) : undefined))
    .returning({ tagId: personTags.tagId });
  const added = wanted.length === 0 ? [] : await tx
    .insert(personTags)
    .values(wanted.map((tagId) => ({ personId: person.id, tagId, orgId: person.orgId })))
    .onConflictDoNothing()
    .returning({ tagId: personTags.tagId });
  if (added.length + removed.length === 0) return;
  const changed = [...added, ...removed].map((r) => r.tagId);
  const slugOf = new Map((await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.id, changed))).map((t) => [t.id, t.slug]));
  await tx.update(people).set({ updatedAt: sql`now()` }).where(eq(people.id, person.id));
  await recordAudit(tx, {
    actorAccountId: info.actorAccountId,
    action: 'person.tags',
    entityType: 'person',
    entityId: person.id,
    orgId: person.orgId,
    unitId: person.unitId,
    changes: { added: added.map((r) => slugOf.get(r.tagId)), removed: removed.map((r) => slugOf.get(r.tagId)) },
    requestId: info.requestId,
  });
}
