import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { checkMapping, type Mapping } from './fields.ts';
import type { ImportJobRow } from './present.ts';
import { importFiles, importJobs } from './schema.ts';

const sameMapping = (a: Record<string, string>, b: Record<string, string>) => {
  const norm = (m: Record<string, string>) => JSON.stringify(Object.entries(m).filter(([, f]) => f !== 'ignore').sort(([x], [y]) => x.localeCompare(y)));
  return norm(a) === norm(b);
};

/** Checks a mapping for a job's file against the organisation's custom fields (422 listing every problem). */
export async function checkJobMapping(db: Db, job: ImportJobRow, mapping: Mapping): Promise<Mapping> {
  const fields = await fieldRules(db, job.orgId);
  return checkMapping(mapping, job.columns, fields.map((f) => f.key));
}

/**
 * Sets a job running with a mapping (the background runner then picks it up). An uploaded
 * or failed job can start; a failed job that committed rows resumes after them, so it must
 * keep its mapping. Audited in the same transaction.
 */
export async function startImport(db: Db, actor: Actor, job: ImportJobRow, mapping: Mapping, requestId?: string): Promise<ImportJobRow> {
  await checkJobMapping(db, job, mapping);
  if (job.status === 'completed') throw conflict('This import has finished. Upload the file again to import it again.');
  if (job.status === 'running') throw conflict('This import is already running.');
  if (job.committedRows > 0 && !sameMapping(mapping, job.mapping)) {
    throw conflict('Part of this file was imported with another mapping. Start it with the same mapping, or upload the file again.');
  }
  return db.transaction(async (tx) => {
    const [file] = await tx.select({ jobId: importFiles.jobId }).from(importFiles).where(eq(importFiles.jobId, job.id));
    if (!file) throw conflict('The uploaded file is no longer stored; upload it again.');
    const [started] = await tx
      .update(importJobs)
      .set({ mapping, status: 'running', startedAt: sql`coalesce(${importJobs.startedAt}, now())`, heartbeatAt: new Date(), failureMessage: null })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, job.status)))
      .returning();
    if (!started) throw conflict('This import was started at the same time by another request.');
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: 'imports.start',
      entityType: 'import_job',
      entityId: job.id,
      orgId: job.orgId,
      unitId: job.unitId,
      changes: { fileName: job.fileName, totalRows: job.totalRows, resumeAfter: job.committedRows },
      requestId: requestId ?? null,
    });
    return started;
  });
}
