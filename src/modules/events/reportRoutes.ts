import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { meetingReport } from './meetingReport.ts';
import { meetingReportCsv } from './meetingReportCsv.ts';
import { meetingReportView, minutesBody, minutesView } from './meetingReportView.ts';
import { saveMinutes } from './saveMinutes.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/** A meeting's close report (as JSON, or CSV to download) and its minutes, for those who run it. */
export const meetingReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get('/events/:id/report', {
    schema: {
      tags: ['events'],
      summary: 'The meeting’s close report: attendance, minutes, issues raised (counts), themes, consented quotes (no speaker), poll results for the room and per breakout group (those who run it)',
      params: idParams, response: { 200: meetingReportView },
    },
  }, async (req) => meetingReport(db, actorOf(req), req.params.id, req.id));

  app.get('/events/:id/report.csv', {
    config: { rateLimit: perMinute(app.ctx, 30) },
    schema: {
      tags: ['events'], summary: 'The meeting’s close report as CSV, one figure a line (those who run it)',
      params: idParams, produces: ['text/csv'],
      response: { 200: z.string().describe('CSV: section, breakout, subject, detail, measure, value; cells that could start a formula are prefixed with \'') },
    },
  }, async (req, reply) => {
    const report = await meetingReport(db, actorOf(req), req.params.id, req.id);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-report-${report.event.localStart.slice(0, 10)}.csv"`)
      .send(meetingReportCsv(report));
  });

  app.put('/events/:id/minutes', {
    schema: {
      tags: ['events'], summary: 'Save the meeting’s minutes, replacing what was saved; empty text clears them (those who run it; audited)',
      params: idParams, body: minutesBody, response: { 200: z.object({ minutes: minutesView.nullable() }) },
    },
  }, async (req) => ({ minutes: await saveMinutes(db, actorOf(req), req.params.id, req.body.text, req.id) }));
};
