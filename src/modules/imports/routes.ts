import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvStream } from './csvStream.ts';
import { actorOf } from '../../server/context.ts';
import { AppError, conflict } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { errorReport } from './errorReport.ts';
import { mappingSchema } from './fields.ts';
import { ImportRunner } from './importRunner.ts';
import { importJobView, presentJob, previewView, standardFields, uploadView } from './present.ts';
import { previewImport } from './previewImport.ts';
import { listJobs, loadJobFor } from './queries.ts';
import { importJobs } from './schema.ts';
import { startImport } from './startImport.ts';
import { uploadImport } from './uploadImport.ts';

/** Largest CSV upload; this route only (everything else keeps the 1 MB default). */
export const UPLOAD_LIMIT = 50 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

const idParams = z.strictObject({ id: z.string().uuid() });
const mappingBody = z.strictObject({ mapping: mappingSchema });

/**
 * CSV import: upload a file (a job in state `uploaded` with detected columns and a guessed
 * mapping), preview a mapping as a dry run, start it (runs in the background; poll the job),
 * download the error report. Needs people.import on the job's unit.
 */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const runner = new ImportRunner(db, app.log);
  app.addHook('onReady', async () => {
    await runner.resumeInterrupted();
  });
  app.addHook('onClose', async () => runner.close());

  // Raw bytes: the encoding is checked by the importer, which gives a clear message for UTF-16.
  app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/imports',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { rateLimit: perMinute(app.ctx, 20) },
      schema: {
        tags: ['imports'],
        summary: 'Upload a CSV file (raw text/csv body, up to 50 MB) as a new import job',
        consumes: CSV_TYPES,
        // The raw file; its bytes are checked by the importer (encoding, shape), not by a schema.
        body: z.any().describe('the CSV file itself, UTF-8, with a header row'),
        querystring: z.strictObject({
          unit: z.string().uuid().describe('the unit people are imported into'),
          fileName: z.string().trim().min(1).max(200).default('upload.csv'),
        }),
        response: { 201: uploadView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body ?? Buffer.alloc(0);
      if (!Buffer.isBuffer(body)) throw new AppError(415, 'unsupported_media_type', 'Send the file as the request body with Content-Type: text/csv.');
      const { job, preview } = await uploadImport(db, actor, { unitId: req.query.unit, fileName: req.query.fileName, bytes: body });
      const custom = await fieldRules(db, job.orgId);
      return reply.code(201).send({ ...presentJob(job), preview, fields: [...standardFields, ...custom.map((f) => `custom:${f.key}`)] });
    },
  );

  app.get(
    '/imports',
    { schema: { tags: ['imports'], summary: 'Import jobs in units I can import into, newest first', querystring: z.strictObject(pageQuery), response: { 200: pageResponse(importJobView) } } },
    async (req) => {
      const page = await listJobs(db, actorOf(req), req.query);
      return { items: page.items.map(presentJob), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/imports/:id',
    { schema: { tags: ['imports'], summary: 'One import job with its progress', params: idParams, response: { 200: importJobView } } },
    async (req) => presentJob(await loadJobFor(db, actorOf(req), req.params.id)),
  );

  app.post(
    '/imports/:id/preview',
    {
      config: { rateLimit: perMinute(app.ctx, 30) },
      schema: {
        tags: ['imports'],
        summary: 'Dry run with a mapping: outcome of the first rows and counts for the whole file; writes nothing',
        params: idParams,
        body: mappingBody.extend({ rows: z.number().int().min(1).max(200).default(20).describe('how many rows to show') }),
        response: { 200: previewView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const job = await loadJobFor(db, actor, req.params.id);
      return previewImport(db, actor, job, req.body.mapping, req.body.rows);
    },
  );

  app.post(
    '/imports/:id/start',
    {
      schema: {
        tags: ['imports'],
        summary: 'Start (or resume) the import with a mapping; it runs in the background, poll GET /imports/{id}',
        params: idParams,
        body: mappingBody,
        response: { 202: importJobView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await startImport(db, actor, await loadJobFor(db, actor, req.params.id), req.body.mapping, req.id);
      runner.start(job.id);
      return reply.code(202).send(presentJob(job));
    },
  );

  app.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags: ['imports'],
        summary: 'The error report: row, field, column, message, then the row as it was in the file',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV') },
      },
    },
    async (req, reply) => {
      const job = await loadJobFor(db, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-errors-${job.id}.csv"`)
        .send(csvStream(errorReport(db, job)));
    },
  );

  app.delete(
    '/imports/:id',
    { schema: { tags: ['imports'], summary: 'Discard an import that is not running, with its stored file and error report', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await loadJobFor(db, actor, req.params.id);
      if (job.status === 'running') throw conflict('This import is running; wait for it to finish.');
      await db.transaction(async (tx) => {
        await tx.delete(importJobs).where(eq(importJobs.id, job.id));
        await recordAudit(tx, { actorAccountId: actor.accountId, action: 'imports.delete', entityType: 'import_job', entityId: job.id, orgId: job.orgId, unitId: job.unitId, changes: { fileName: job.fileName, status: job.status }, requestId: req.id });
      });
      return reply.code(204).send(null);
    },
  );
};

