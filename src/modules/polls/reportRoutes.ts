import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { programmeReport } from './programmeReport.ts';
import { programmeReportCsv } from './programmeReportCsv.ts';
import { programmeReportQuery, programmeReportView } from './programmeReportView.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/** A programme's combined close report, as JSON or CSV to download. */
export const programmeReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/programmes/:id/report', {
    schema: {
      tags: ['programmes'],
      summary: 'The programme’s close report across the meetings I may see: meetings held, attendance, issues raised ranked (meetings I run), poll results per question with each meeting’s',
      params: idParams, querystring: programmeReportQuery, response: { 200: programmeReportView },
    },
  }, async (req) => programmeReport(db, actorOf(req), req.params.id, req.query));

  app.get('/programmes/:id/report.csv', {
    config: { rateLimit: perMinute(app.ctx, 30) },
    schema: {
      tags: ['programmes'], summary: 'The programme’s close report as CSV, one figure a line',
      params: idParams, querystring: programmeReportQuery, produces: ['text/csv'],
      response: { 200: z.string().describe('CSV: section, meeting, meeting_start, subject, detail, measure, value; cells that could start a formula are prefixed with \'') },
    },
  }, async (req, reply) => {
    const report = await programmeReport(db, actorOf(req), req.params.id, req.query);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="programme-report-${report.generatedAt.slice(0, 10)}.csv"`)
      .send(programmeReportCsv(report));
  });
};
