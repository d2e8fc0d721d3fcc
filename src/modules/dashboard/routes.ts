import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { roles } from '../accounts/schema.ts';
import { myRecentActions, myRoles, scopeBreakdown, scopeFigures } from './queries.ts';

const BREAKDOWN_LIMIT = 100;
const RECENT_LIMIT = 10;

const dashboardView = z.object({
  roles: z.array(z.object({ role: z.enum(roles), unitId: z.string().uuid(), unitName: z.string(), unitKind: z.string() })),
  /** Null when the caller may not read people anywhere. */
  figures: z.object({ people: z.number().int(), addedLast30Days: z.number().int(), members: z.number().int(), supporters: z.number().int() }).nullable(),
  breakdown: z.array(z.object({
    unitId: z.string().uuid(),
    parentId: z.string().uuid().nullable(),
    name: z.string(),
    kind: z.string(),
    direct: z.boolean(),
    people: z.number().int(),
    addedLast30Days: z.number().int(),
  })),
  breakdownTruncated: z.boolean(),
  recentActions: z.array(z.object({ id: z.string().uuid(), action: z.string(), entityType: z.string(), entityId: z.string().nullable(), createdAt: z.string() })),
});

/** The home dashboard: the caller's roles, figures for their scope and their own recent actions. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'My roles, people figures for my scope, people per unit and my recent actions',
        querystring: z.strictObject({}),
        response: { 200: dashboardView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const readsPeople = canAnywhere(actor, 'people.read');
      const [roleRows, figures, breakdown, recentActions] = await Promise.all([
        myRoles(db, actor),
        readsPeople ? scopeFigures(db, actor) : null,
        readsPeople ? scopeBreakdown(db, actor, BREAKDOWN_LIMIT + 1) : [],
        myRecentActions(db, actor, RECENT_LIMIT),
      ]);
      const rows = breakdown.slice(0, BREAKDOWN_LIMIT);
      // A top unit's own row only matters when it holds people itself or has no child units to show.
      const parents = new Set(rows.filter((r) => !r.direct).map((r) => r.parentId));
      const shown = rows.filter((r) => !r.direct || r.people > 0 || !parents.has(r.id));
      return {
        roles: roleRows,
        figures,
        breakdown: shown.map((r) => ({ unitId: r.id, parentId: r.parentId, name: r.name, kind: r.kind, direct: r.direct, people: r.people, addedLast30Days: r.addedLast30Days })),
        breakdownTruncated: breakdown.length > BREAKDOWN_LIMIT,
        recentActions,
      };
    },
  );
};
