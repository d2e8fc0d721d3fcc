import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { rootAuditOrgs } from './auditScope.ts';
import { listAuditEvents } from './queries.ts';
import { verifyAuditChain } from './verifyChain.ts';

// Year 0 passes the ISO format but not PostgreSQL; refuse it here rather than in the query.
const isoTime = z.iso.datetime({ offset: true }).refine((v) => Number(v.slice(0, 4)) >= 1, 'Years start at 0001');

const auditView = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.string().uuid().nullable(),
  unitId: z.string().uuid().nullable(),
  unitName: z.string().nullable(),
  actor: z.object({ id: z.string().uuid(), displayName: z.string().nullable() }).nullable(),
  changes: z.record(z.string(), z.unknown()).nullable().describe('changed fields as {field: [before, after]}, or facts about the event'),
  requestId: z.string().nullable(),
});

const chainView = z.object({
  orgId: z.string().uuid(),
  verified: z.number().int().describe('entries read in order that are intact'),
  verifiedUpTo: z.object({ position: z.number().int(), id: z.string().uuid(), createdAt: z.string() }).nullable(),
  head: z.object({ position: z.number().int(), hash: z.string() }).nullable().describe('keep this hash elsewhere: a rewritten log will not reproduce it'),
  problem: z.object({ kind: z.enum(['altered', 'removed', 'inserted']), position: z.number().int(), id: z.string().nullable(), message: z.string() }).nullable(),
});

/** The audit log, limited to the units (and, at the root, the organisation) where the caller holds audit.read. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        description:
          'Rows on a unit are visible with audit.read on that unit or above. Rows with no unit (sign-ins, API tokens, refused requests) are visible only with audit.read on the root unit of the organisation concerned.',
        querystring: z.strictObject({
          unit: z.string().uuid().optional().describe('rows on this unit or any unit below it'),
          actor: z.string().uuid().optional().describe('account that did it'),
          action: z.string().trim().max(100).regex(/^[a-z0-9_.]+(\.\*)?$/, 'An action such as "role.grant", or a prefix such as "role.*"').optional(),
          entityType: z.string().trim().max(100).optional(),
          entityId: z.string().trim().max(200).optional(),
          from: isoTime.optional().describe('from this time, inclusive'),
          to: isoTime.optional().describe('before this time'),
          ...pageQuery,
        }),
        response: { 200: pageResponse(auditView) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canAnywhere(actor, 'audit.read')) throw forbidden();
      return listAuditEvents(app.ctx.db, actor, req.query);
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { rateLimit: perMinute(app.ctx, 6) },
      schema: {
        tags: ['audit'],
        summary: 'Check that no entry of the organisation\'s audit log was altered, removed or inserted',
        description:
          'Walks the hash chain of each organisation where the caller holds audit.read at the root unit (data protection officers, national admins). The chain of sign-ins and refusals, which spans organisations, is checked with `tredegar audit verify`.',
        querystring: z.strictObject({}),
        response: { 200: z.object({ items: z.array(chainView) }) },
      },
    },
    async (req) => {
      const orgs = rootAuditOrgs(actorOf(req));
      if (orgs.length === 0) throw forbidden('Checking the audit log needs audit.read at the top of an organisation.');
      const items = [];
      for (const orgId of orgs.sort()) {
        const { chainKey: _key, ...report } = await verifyAuditChain(app.ctx.db, orgId);
        items.push({ orgId, ...report });
      }
      return { items };
    },
  );
};
