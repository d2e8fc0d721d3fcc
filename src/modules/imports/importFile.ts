import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { checkMapping, mappingSchema, type Mapping } from './fields.ts';
import { failJob, finishJob } from './finishJob.ts';
import { guessMapping } from './guessMapping.ts';
import type { ImportJobRow } from './present.ts';
import { openCsv } from './readCsv.ts';
import { runImport, type ImportCounts } from './runImport.ts';
import type { RowErrors } from './validateRows.ts';
import { importJobs } from './schema.ts';

export interface FileImportOptions {
  path: string;
  unit: { id: string; orgId: string };
  actor: Actor;
  /** "column=field" overrides of the guessed mapping. */
  map?: string[];
  dryRun?: boolean;
  batchSize?: number;
  onStart?: (info: { totalRows: number; resumeAfter: number; mapping: Mapping; columns: string[] }) => void;
  onProgress?: (rowsDone: number) => void;
  /** A dry run's errors as they are found. */
  onErrors?: (errors: RowErrors[]) => void | Promise<void>;
}

export interface FileImportResult {
  job: ImportJobRow | null;
  columns: string[];
  totalRows: number;
  resumeAfter: number;
  counts: ImportCounts;
}

const sameMapping = (a: Mapping, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Reads the file once: its hash, columns and number of data rows (also proving it is readable UTF-8 CSV). */
async function survey(path: string) {
  const hash = createHash('sha256');
  async function* bytes() {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  const csv = await openCsv(bytes());
  let rows = 0;
  for await (const _ of csv.rows) rows++;
  return { columns: csv.columns, rows, hash: hash.digest('hex') };
}

/** The guessed mapping with `column=field` overrides, checked; a 422 names every problem. */
export function applyOverrides(guessed: Mapping, overrides: string[], columns: string[], customKeys: string[]): Mapping {
  const mapping: Record<string, string> = { ...guessed };
  for (const o of overrides) {
    const at = o.lastIndexOf('=');
    if (at <= 0) throw new AppError(422, 'validation_failed', `--map takes column=field, not "${o}"`);
    mapping[o.slice(0, at).trim()] = o.slice(at + 1).trim();
  }
  const parsed = mappingSchema.safeParse(mapping);
  if (!parsed.success) {
    const bad = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError(422, 'validation_failed', `The mapping is not valid: ${bad}`);
  }
  try {
    return checkMapping(parsed.data, columns, customKeys);
  } catch (err) {
    if (err instanceof AppError && Array.isArray(err.details)) {
      throw new AppError(422, 'validation_failed', `The mapping is not valid: ${(err.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join('; ')}`);
    }
    throw err;
  }
}

// The latest unfinished run of the same file, unit and mapping by the command line (a crash
// or kill leaves it running or failed); it resumes after its last committed batch.
async function resumable(db: Db, unitId: string, fileHash: string, mapping: Mapping) {
  const rows = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.unitId, unitId), eq(importJobs.fileHash, fileHash), isNull(importJobs.accountId), inArray(importJobs.status, ['running', 'failed'])))
    .orderBy(desc(importJobs.createdAt))
    .limit(5);
  return rows.find((j) => sameMapping(mapping, j.mapping)) ?? null;
}

/**
 * Imports a CSV file from disk as the given actor: surveys it, builds the mapping, then either
 * dry-runs it or runs it as a job that a re-run of the same file resumes. Used by the command line.
 */
export async function importFile(db: Db, opts: FileImportOptions): Promise<FileImportResult> {
  const info = await stat(opts.path).catch(() => null);
  if (!info?.isFile()) throw new AppError(404, 'not_found', `No file at ${opts.path}`);
  const file = await survey(opts.path);
  const customFields = await fieldRules(db, opts.unit.orgId);
  const mapping = applyOverrides(guessMapping(file.columns, customFields), opts.map ?? [], file.columns, customFields.map((f) => f.key));
  const setup = { orgId: opts.unit.orgId, unitId: opts.unit.id, columns: file.columns, mapping, customFields, actor: opts.actor };

  if (opts.dryRun) {
    opts.onStart?.({ totalRows: file.rows, resumeAfter: 0, mapping, columns: file.columns });
    const csv = await openCsv(createReadStream(opts.path));
    const result = await runImport(db, { setup, rows: csv.rows, batchSize: opts.batchSize, onProgress: opts.onProgress, onErrors: opts.onErrors });
    return { job: null, columns: file.columns, totalRows: file.rows, resumeAfter: 0, counts: result.counts };
  }

  let job = await resumable(db, opts.unit.id, file.hash, mapping);
  job = await db.transaction(async (tx) => {
    const [row] = job
      ? await tx.update(importJobs).set({ status: 'running', heartbeatAt: new Date(), failureMessage: null }).where(eq(importJobs.id, job.id)).returning()
      : await tx
          .insert(importJobs)
          .values({
            orgId: opts.unit.orgId, unitId: opts.unit.id, accountId: null, fileName: basename(opts.path), fileHash: file.hash, byteSize: info.size,
            columns: file.columns, mapping, status: 'running', totalRows: file.rows, startedAt: new Date(), heartbeatAt: new Date(),
          })
          .returning();
    await recordAudit(tx, {
      actorAccountId: null, action: 'imports.start', entityType: 'import_job', entityId: row!.id, orgId: row!.orgId, unitId: row!.unitId,
      changes: { fileName: row!.fileName, totalRows: row!.totalRows, resumeAfter: row!.committedRows, via: 'command line' },
    });
    return row!;
  });
  opts.onStart?.({ totalRows: file.rows, resumeAfter: job.committedRows, mapping, columns: file.columns });
  const csv = await openCsv(createReadStream(opts.path));
  try {
    await runImport(db, {
      setup, rows: csv.rows, batchSize: opts.batchSize,
      job: { id: job.id, committedRows: job.committedRows, fileName: job.fileName, accountId: null },
      onProgress: opts.onProgress,
    });
  } catch (err) {
    await failJob(db, job.id, err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  } finally {
    csv.close();
  }
  const done = await finishJob(db, job.id);
  return {
    job: done, columns: file.columns, totalRows: file.rows, resumeAfter: job.committedRows,
    counts: { created: done.createdCount, updated: done.updatedCount, unchanged: done.unchangedCount, errors: done.errorCount },
  };
}
