import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { importFiles, importJobs } from './schema.ts';
import type { ImportJobRow } from './present.ts';

/**
 * Marks a job completed, deletes its stored file (the people are imported; the copy is no
 * longer needed) and audits the import with its totals, in one transaction.
 */
export async function finishJob(db: Db, jobId: string): Promise<ImportJobRow> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(importJobs)
      .set({ status: 'completed', finishedAt: new Date(), heartbeatAt: null, totalRows: sql`greatest(${importJobs.totalRows}, ${importJobs.committedRows})` })
      .where(eq(importJobs.id, jobId))
      .returning();
    await tx.delete(importFiles).where(eq(importFiles.jobId, jobId));
    await recordAudit(tx, {
      actorAccountId: job!.accountId,
      action: 'people.import',
      entityType: 'import_job',
      entityId: job!.id,
      orgId: job!.orgId,
      unitId: job!.unitId,
      changes: {
        fileName: job!.fileName,
        rows: job!.committedRows,
        created: job!.createdCount,
        updated: job!.updatedCount,
        unchanged: job!.unchangedCount,
        errors: job!.errorCount,
      },
    });
    return job!;
  });
}

/** Marks a job failed with a message for the person who started it; its file is kept so it can be run again. */
export async function failJob(db: Db, jobId: string, message: string): Promise<void> {
  await db.update(importJobs).set({ status: 'failed', failureMessage: message.slice(0, 500), heartbeatAt: null }).where(eq(importJobs.id, jobId));
}
