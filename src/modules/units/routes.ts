import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { assertCan, canAnywhere, scopePaths } from '../accounts/actor.ts';
import { assertAreasExist } from '../areas/queries.ts';
import { areas } from '../areas/schema.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { createUnit } from './createUnit.ts';
import { getUnit, listVisibleUnits } from './queries.ts';
import { unitAreas, unitKinds, units } from './schema.ts';

const unitView = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(unitKinds),
  code: z.string(),
  name: z.string(),
  depth: z.number().int(),
  areaCount: z.number().int(),
  peopleCount: z.number().int().nullable(),
});
const areaRef = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/units', { schema: { tags: ['units'], summary: 'The units I can see, as a flat tree in path order', response: { 200: z.object({ items: z.array(unitView) }) } } }, async (req) => {
    const actor = actorOf(req);
    const readable = scopePaths(actor, 'people.read');
    const rows = await listVisibleUnits(db, actor);
    return {
      items: rows.map((u) => ({
        id: u.id, orgId: u.orgId, parentId: u.parentId, kind: u.kind as (typeof unitKinds)[number], code: u.code, name: u.name,
        depth: u.depth, areaCount: u.areaCount,
        // Counts of people are shown only where the caller may read people.
        peopleCount: readable.some((p) => u.path.startsWith(p)) ? u.peopleCount : null,
      })),
    };
  });

  app.get(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit with its areas and children',
        params: z.strictObject({ id: z.string().max(100) }),
        response: { 200: unitView.omit({ areaCount: true, peopleCount: true, depth: true }).extend({ areas: z.array(areaRef), children: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), kind: z.string() })) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const orgIds = [...new Set(actor.grants.map((g) => g.orgId))];
      const unit = await getUnit(db, req.params.id, orgIds.length === 1 ? orgIds[0] : undefined);
      const visible = actor.grants.some((g) => unit.path.startsWith(g.unitPath) || g.unitPath.startsWith(unit.path));
      // Not found rather than forbidden: a unit outside one's reach is not confirmed to exist.
      if (!visible) throw notFound('Unit');
      const [covered, children] = await Promise.all([
        db.select({ code: areas.code, name: areas.name, kind: areas.kind }).from(unitAreas).innerJoin(areas, eq(areas.code, unitAreas.areaCode)).where(eq(unitAreas.unitId, unit.id)).orderBy(asc(areas.name)).limit(2000),
        db.select({ id: units.id, name: units.name, code: units.code, kind: units.kind }).from(units).where(eq(units.parentId, unit.id)).orderBy(asc(units.name)).limit(2000),
      ]);
      return { id: unit.id, orgId: unit.orgId, parentId: unit.parentId, kind: unit.kind, code: unit.code, name: unit.name, areas: covered, children };
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Create a unit under a parent',
        body: z.strictObject({
          parentId: z.string().uuid(),
          kind: z.enum(unitKinds).exclude(['national']),
          code: z.string().trim().min(2).max(40).regex(/^[a-z0-9-]+$/, 'Lower-case letters, digits and hyphens only'),
          name: z.string().trim().min(1).max(200),
          areaCodes: z.array(z.string().max(20)).max(2000).optional(),
        }),
        response: { 201: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canAnywhere(actor, 'units.manage')) throw forbidden();
      const parent = await getUnit(db, req.body.parentId);
      assertCan(actor, 'units.manage', parent.path);
      const unit = await db.transaction(async (tx) => {
        const u = await createUnit(tx, req.body);
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'unit.create', entityType: 'unit', entityId: u.id, orgId: u.orgId, unitId: u.id, changes: { name: u.name, code: u.code }, requestId: req.id });
        return u;
      });
      return reply.code(201).send({ id: unit.id, code: unit.code, name: unit.name });
    },
  );

  app.put(
    '/units/:id/areas',
    {
      schema: {
        tags: ['units'],
        summary: 'Replace the areas a unit covers',
        params: z.strictObject({ id: z.string().uuid() }),
        body: z.strictObject({ areaCodes: z.array(z.string().max(20)).max(2000) }),
        response: { 200: z.object({ areaCount: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const unit = await getUnit(db, req.params.id);
      assertCan(actor, 'units.manage', unit.path);
      const codes = [...new Set(req.body.areaCodes)];
      await db.transaction(async (tx) => {
        await assertAreasExist(tx, codes);
        await tx.delete(unitAreas).where(eq(unitAreas.unitId, unit.id));
        if (codes.length) await tx.insert(unitAreas).values(codes.map((areaCode) => ({ unitId: unit.id, areaCode })));
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'unit.set_areas', entityType: 'unit', entityId: unit.id, orgId: unit.orgId, unitId: unit.id, changes: { areaCount: codes.length }, requestId: req.id });
      });
      return { areaCount: codes.length };
    },
  );
};
