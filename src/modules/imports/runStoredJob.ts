import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../server/errors.ts';
import { can, loadGrants, type Actor } from '../accounts/actor.ts';
import { accounts } from '../accounts/schema.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { units } from '../units/schema.ts';
import { textChunks } from './decodeText.ts';
import type { Mapping } from './fields.ts';
import { failJob, finishJob } from './finishJob.ts';
import { loadJobFile } from './queries.ts';
import { openCsv } from './readCsv.ts';
import { ImportStopped, runImport } from './runImport.ts';
import { importJobs } from './schema.ts';

/** The account that started a job, with its grants as they are now (a removed role stops the import). */
async function actorOf(db: Db, accountId: string | null): Promise<Actor | null> {
  if (!accountId) return null;
  const [account] = await db.select().from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.disabledAt)));
  if (!account) return null;
  // Runs on behalf of the signed-in person who started it.
  return { accountId, email: account.email, displayName: account.displayName, grants: await loadGrants(db, accountId), via: 'session' };
}

/**
 * Runs (or resumes) an uploaded job in state `running` from its stored file until it
 * completes, fails, or `signal` stops it between batches (left running, to resume later).
 */
export async function runStoredJob(db: Db, jobId: string, signal?: AbortSignal): Promise<'completed' | 'failed' | 'stopped'> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job || job.status !== 'running') return 'stopped';
  try {
    const content = await loadJobFile(db, jobId);
    if (content === null) throw new AppError(409, 'conflict', 'The uploaded file is no longer stored; upload it again.');
    const actor = await actorOf(db, job.accountId);
    const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, job.unitId));
    if (!actor || !unit || !can(actor, 'people.import', unit.path)) {
      throw new AppError(403, 'forbidden', 'The person who started this import may no longer import into its unit.');
    }
    const setup = { orgId: job.orgId, unitId: job.unitId, columns: job.columns, mapping: job.mapping as Mapping, customFields: await fieldRules(db, job.orgId), actor };
    const csv = await openCsv(textChunks(content));
    try {
      await runImport(db, { setup, rows: csv.rows, job: { id: job.id, committedRows: job.committedRows, fileName: job.fileName, accountId: job.accountId }, signal });
    } finally {
      csv.close();
    }
    await finishJob(db, jobId);
    return 'completed';
  } catch (err) {
    if (err instanceof ImportStopped) return 'stopped';
    const message = err instanceof AppError ? err.message : 'The import stopped because of an error on our side; start it again to continue from where it stopped.';
    await failJob(db, jobId, message);
    if (!(err instanceof AppError)) throw err;
    return 'failed';
  }
}
