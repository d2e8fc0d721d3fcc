import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, validationFailed } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere, inScope } from '../accounts/actor.ts';
import { rolePermissions } from '../accounts/permissions.ts';
import { dateOnly } from '../conversations/inputs.ts';
import { issues } from '../issues/schema.ts';
import { viewOrg } from '../ladder/viewOrg.ts';
import { canOrgWide } from '../people/orgScope.ts';
import { wardsInArea } from './areaWards.ts';
import { querySalience, rawTrend } from './querySalience.ts';
import { SUMMARY_PERIODS, todayHere } from './refreshSalience.ts';
import { salienceRefreshes } from './schema.ts';
import { summarySalience } from './summarySalience.ts';
import { salienceRoots } from './summaryScope.ts';
import { salienceSources } from './sources.ts';
import { SUPPRESSION_THRESHOLD, salienceView } from './views.ts';

const MAX_DAYS = 731;
/** Scopes spanning fewer units than `summaryMinUnits` are counted live: quick, and up to the minute (tests lower it). */
export const salienceSettings = { summaryMinUnits: 10 };
const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Issue salience for a unit or area and period: aggregates only, small counts suppressed. */
export const salienceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/salience', {
    config: { rateLimit: perMinute(app.ctx, 120) },
    schema: {
      tags: ['salience'],
      summary: `Issues ranked by distinct people raising them, weekly trend and by ward, for a unit or area and period; counts under ${SUPPRESSION_THRESHOLD} people are withheld where any of them were recorded by a unit I hold no role on myself`,
      querystring: z.strictObject({
        unit: z.string().uuid().optional().describe('records owned by this unit and every unit below it'),
        area: z.string().trim().max(20).optional().describe('ONS code: people living in this ward, constituency, local authority, region or nation'),
        from: dateOnly.optional().describe('first day (default: 90 days before "to")'),
        to: dateOnly.optional().describe('day after the last day (default: tomorrow)'),
        source: z.union([z.enum(salienceSources), z.array(z.enum(salienceSources)).min(1).max(salienceSources.length)]).default([...salienceSources]).describe('where people raised issues: conversations, meetings (attendees named as raising an issue) or both (default)'),
        issue: z.string().uuid().optional().describe('the issue for the trend and the ward column (default: the top one)'),
        live: z.enum(['true', 'false']).optional().describe('count from the records now, even where today’s precomputed figures would serve (slower for large scopes)'),
        orgId: z.string().uuid().optional(),
      }),
      response: { 200: salienceView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'salience.read')) throw forbidden();
    const q = req.query;
    const orgId = await viewOrg(db, actor, 'salience.read', q);
    const to = q.to ?? dateOf(Date.parse(todayHere()) + DAY);
    const from = q.from ?? dateOf(Date.parse(to) - 90 * DAY);
    const span = (Date.parse(to) - Date.parse(from)) / DAY;
    if (span <= 0) throw validationFailed('The period is empty.', [{ path: 'to', message: 'Must be after "from".' }]);
    if (span > MAX_DAYS) throw validationFailed('The period is too long.', [{ path: 'from', message: `At most ${MAX_DAYS} days.` }]);
    if (q.issue) {
      const [found] = await db.select({ id: issues.id }).from(issues).where(and(eq(issues.id, q.issue), eq(issues.orgId, orgId))).limit(1);
      if (!found) throw validationFailed('Unknown issue.', [{ path: 'issue', message: 'No issue with this id in this organisation.' }]);
    }
    const sources = [...new Set(Array.isArray(q.source) ? q.source : [q.source])];
    const localUnits = actor.grants.filter((g) => g.orgId === orgId && rolePermissions[g.role].includes('salience.read')).map((g) => g.unitId);
    const wardWhere = q.area ? await wardsInArea(db, q.area) : null;
    const live = {
      orgId, sources, from, to, issueId: q.issue, localUnits, wardWhere,
      // Someone who sees the whole organisation needs no unit condition, which lets the raised rows be read from their index alone.
      unitWhere: (col: SQL) => (!q.unit && canOrgWide(actor, 'salience.read', orgId) ? sql`true`
        : sql`${inScope(actor, 'salience.read', col)}${q.unit ? sql` and ${col} in (select u.id from units u where u.path like (select p.path from units p where p.id = ${q.unit}) || '%')` : sql``}`),
    };
    // Large scopes over a standard period are answered from today's precomputed figures, when there are some.
    const [refresh] = await db.select().from(salienceRefreshes).where(eq(salienceRefreshes.orgId, orgId)).limit(1);
    const periodDays = Math.round(span);
    const standard = q.live !== 'true' && refresh !== undefined && refresh.asOf === todayHere() && to === dateOf(Date.parse(refresh.asOf) + DAY)
      && (SUMMARY_PERIODS as readonly number[]).includes(periodDays) && sources.length === salienceSources.length; // the figures are kept for every source together
    const scope = standard ? await salienceRoots(db, actor, orgId, q.unit) : null;
    const result = scope && scope.units >= salienceSettings.summaryMinUnits
      ? await summarySalience(db, { ...live, roots: scope.roots, periodDays, asOf: refresh!.asOf }, (ids) => rawTrend(db, live, ids))
      : await querySalience(db, live);
    const summary = scope && scope.units >= salienceSettings.summaryMinUnits ? { asOf: refresh!.asOf, refreshedAt: new Date(refresh!.refreshedAt).toISOString() } : null;
    return {
      orgId, sources, from, to, threshold: SUPPRESSION_THRESHOLD,
      suppression: `Counts of fewer than ${SUPPRESSION_THRESHOLD} people are withheld unless every record behind them belongs to a unit you hold a role on yourself.`,
      summary,
      ...result,
    };
  });
};
