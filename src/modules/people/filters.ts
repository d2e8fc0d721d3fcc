import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import type { Permission } from '../accounts/permissions.ts';
import { areas } from '../areas/schema.ts';
import { validationFailed } from '../../server/errors.ts';
import { membershipStatuses, people, tags } from './schema.ts';

/**
 * The filters a list of people can be narrowed by. Shared by the list route, bulk tagging,
 * export and saved searches, so "the people I am looking at" means the same thing everywhere.
 */
export const peopleFilterSchema = z.strictObject({
  unit: z.string().uuid().optional().describe('unit id: people in this unit and every unit below it'),
  area: z.string().trim().max(20).optional().describe('ONS code of a ward, constituency, local authority or region'),
  tag: z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]).optional().describe('tag slug; repeat for people with all of them'),
  membership: z.union([z.enum(membershipStatuses), z.array(z.enum(membershipStatuses)).max(5)]).optional(),
  q: z.string().trim().max(200).optional().describe('free text over name, email, phone and postcode'),
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * SQL conditions over `people` for a filter, always including the actor's scope for
 * `permission` and excluding deleted people. Unknown areas are a 422, not an empty list.
 */
export async function peopleFilterSql(db: Db, actor: Actor, filter: PeopleFilter, permission: Permission = 'people.read'): Promise<SQL> {
  const parts: (SQL | undefined)[] = [sql`${people.deletedAt} is null`, inScope(actor, permission, people.unitId)];
  if (filter.unit) {
    parts.push(sql`${people.unitId} in (select u.id from units u where u.path like (select p.path from units p where p.id = ${filter.unit}) || '%')`);
  }
  if (filter.area) {
    const code = filter.area.toUpperCase();
    const [area] = await db.select({ kind: areas.kind }).from(areas).where(eq(areas.code, code));
    if (!area) throw validationFailed('Unknown area.', [{ path: 'area', message: `No area with code ${code}` }]);
    if (area.kind === 'ward') parts.push(sql`${people.wardCode} = ${code}`);
    else if (area.kind === 'constituency') parts.push(sql`${people.constituencyCode} = ${code}`);
    else if (area.kind === 'local_authority') parts.push(sql`${people.wardCode} in (select a.code from areas a where a.local_authority_code = ${code})`);
    else if (area.kind === 'region' || area.kind === 'nation') {
      parts.push(sql`${people.constituencyCode} in (select a.code from areas a where a.kind = 'constituency' and (a.parent_code = ${code} or a.parent_code in (select r.code from areas r where r.parent_code = ${code})))`);
    }
  }
  const slugs = [...new Set(asList(filter.tag).map((s) => s.trim().toLowerCase()))];
  if (slugs.length > 0) {
    // Resolve slugs first so an unknown tag is reported, as it is everywhere else, not an empty list.
    const orgIds = [...new Set(actor.grants.map((g) => g.orgId))];
    const found = await db
      .select({ id: tags.id, slug: tags.slug })
      .from(tags)
      .where(and(inArray(tags.orgId, orgIds.length ? orgIds : ['00000000-0000-0000-0000-000000000000']), inArray(sql`lower(${tags.slug})`, slugs)));
    const unknown = slugs.filter((s) => !found.some((f) => f.slug.toLowerCase() === s));
    if (unknown.length > 0) throw validationFailed('Unknown tag.', unknown.map((s) => ({ path: 'tag', message: `No tag "${s}"` })));
    for (const slug of slugs) {
      const ids = found.filter((f) => f.slug.toLowerCase() === slug).map((f) => f.id);
      parts.push(sql`exists (select 1 from person_tags pt where pt.person_id = ${people.id} and pt.tag_id = any(${arrayParam(ids)}::uuid[]))`);
    }
  }
  const statuses = asList(filter.membership);
  if (statuses.length > 0) parts.push(sql`${people.membershipStatus} = any(${arrayParam(statuses)}::text[])`);
  // Each word must appear somewhere; the trigram index serves these ILIKEs.
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6)) {
    parts.push(sql`${people.searchText} like ${`%${likeEscape(word)}%`}`);
  }
  return and(...parts)!;
}
