import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { execute } from '../../db/execute.ts';
import { notFound } from '../../server/errors.ts';
import { decodeCursor, pageOf, pageQuery, pageResponse } from '../../server/pagination.ts';
import { areaKinds, areas } from './schema.ts';

const areaView = z.object({
  code: z.string(),
  kind: z.enum(areaKinds),
  name: z.string(),
  parentCode: z.string().nullable(),
  boundarySets: z.array(z.string()),
});

/** Real geography (ONS codes): reference data, readable by anyone signed in. */
export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/areas',
    {
      schema: {
        tags: ['areas'],
        summary: 'List areas',
        querystring: z.strictObject({
          kind: z.enum(areaKinds).optional(),
          parent: z.string().max(20).optional(),
          boundarySet: z.enum(['2010', '2024']).optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageResponse(areaView) },
      },
    },
    async (req) => {
      const { kind, parent, boundarySet, q, limit, cursor } = req.query;
      const after = decodeCursor(cursor, 2) as [string, string] | null;
      const where: (SQL | undefined)[] = [
        kind ? eq(areas.kind, kind) : undefined,
        // A ward that straddles constituencies is a child of each of them.
        parent ? or(eq(areas.parentCode, parent), sql`${areas.code} in (select wc.ward_code from ward_constituencies wc where wc.constituency_code = ${parent})`) : undefined,
        boundarySet ? sql`${boundarySet} = any(${areas.boundarySets})` : undefined,
        q ? or(ilike(areas.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`), eq(areas.code, q.toUpperCase())) : undefined,
        after ? or(gt(areas.name, after[0]), and(eq(areas.name, after[0]), gt(areas.code, after[1]))) : undefined,
      ];
      const rows = await db
        .select({ code: areas.code, kind: areas.kind, name: areas.name, parentCode: areas.parentCode, boundarySets: areas.boundarySets })
        .from(areas)
        .where(and(...where))
        .orderBy(asc(areas.name), asc(areas.code))
        .limit(limit + 1);
      return pageOf(rows, limit, (r) => [r.name, r.code]);
    },
  );

  app.get(
    '/areas/:code',
    {
      schema: {
        tags: ['areas'],
        summary: 'One area with its ancestors',
        params: z.strictObject({ code: z.string().max(20) }),
        response: { 200: areaView.extend({ ancestors: z.array(areaView), childCount: z.number().int() }) },
      },
    },
    async (req) => {
      const [area] = await db.select().from(areas).where(eq(areas.code, req.params.code));
      if (!area) throw notFound('Area');
      const ancestors = await execute<z.infer<typeof areaView>>(db, sql`
        with recursive up as (
          select code, kind, name, parent_code, boundary_sets, 0 as depth from areas where code = ${area.parentCode}
          union all
          select a.code, a.kind, a.name, a.parent_code, a.boundary_sets, up.depth + 1 from areas a join up on a.code = up.parent_code where up.depth < 10
        ) select code, kind, name, parent_code as "parentCode", boundary_sets as "boundarySets" from up order by depth desc`);
      const [count] = await execute<{ n: number }>(db, sql`select count(*)::int as n from areas where parent_code = ${area.code} or code in (select ward_code from ward_constituencies where constituency_code = ${area.code})`);
      return {
        code: area.code, kind: area.kind, name: area.name, parentCode: area.parentCode, boundarySets: area.boundarySets,
        ancestors,
        childCount: count?.n ?? 0,
      };
    },
  );
};
