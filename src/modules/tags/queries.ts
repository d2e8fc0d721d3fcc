import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { tags } from '../people/schema.ts';

export interface ResolvedTags {
  /** slug → tag id for every slug that names a tag of the organisation (matched case-insensitively). */
  ids: Map<string, string>;
  /** Slugs that name no tag: callers report these as errors, never drop them. */
  unknown: string[];
}

/** Looks up an organisation's tags by slug in one query. */
export async function resolveTagSlugs(db: Db, orgId: string, slugs: readonly string[]): Promise<ResolvedTags> {
  const given = [...new Set(slugs.map((s) => s.trim()).filter(Boolean))];
  const canonical = [...new Set(given.map((s) => s.toLowerCase()))];
  const found = new Map<string, string>();
  if (canonical.length > 0) {
    const rows = await db.select({ id: tags.id, slug: tags.slug }).from(tags).where(and(eq(tags.orgId, orgId), inArray(tags.slug, canonical)));
    for (const r of rows) found.set(r.slug, r.id);
  }
  // Keyed by the slug as given as well as its canonical lower-case form, so callers can look up either.
  const ids = new Map<string, string>();
  for (const s of given) {
    const id = found.get(s.toLowerCase());
    if (id) ids.set(s, id).set(s.toLowerCase(), id);
  }
  return { ids, unknown: given.filter((s) => !ids.has(s)) };
}

/**
 * A page of an organisation's tags by name, each with how many live people the actor can
 * read carry it (people outside their scope are not counted).
 */
export async function listTags(db: Db, actor: Actor, orgId: string, opts: { q?: string; limit: number; after: [string, string] | null }) {
  const q = opts.q ? `%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return execute<{ id: string; slug: string; name: string; count: number }>(db, sql`
    select t.id, t.slug, t.name,
      (select count(*)::int from person_tags pt join people p on p.id = pt.person_id
        where pt.tag_id = t.id and p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}) as count
    from tags t
    where t.org_id = ${orgId}
      ${q ? sql`and (lower(t.name) like ${q} or t.slug like ${q})` : sql``}
      ${opts.after ? sql`and (t.name, t.id) > (${opts.after[0]}, ${opts.after[1]}::uuid)` : sql``}
    order by t.name, t.id
    limit ${opts.limit + 1}`);
}
