import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { loadGrants, type Actor } from '../../src/modules/accounts/actor.ts';
import type { Mapping } from '../../src/modules/imports/fields.ts';
import { importJobs } from '../../src/modules/imports/schema.ts';
import { runStoredJob } from '../../src/modules/imports/runStoredJob.ts';
import { startImport } from '../../src/modules/imports/startImport.ts';
import { uploadImport } from '../../src/modules/imports/uploadImport.ts';
import { benchAccount } from './benchAccount.ts';
import type { BenchOrganisation } from './benchOrganisation.ts';

export interface PipelineResult {
  seconds: number;
  /** The part spent running the job (validate, dedupe, look up areas, write), without the upload. */
  runSeconds: number;
  how: string;
  note: string;
  counts: { created: number; updated: number; unchanged: number; errors: number };
}

/**
 * Imports a CSV file into the organisation's root unit through the same command functions the
 * import API and its background runner use: uploadImport (checks, guesses the mapping, stores
 * the file) → startImport (with the guessed mapping) → runStoredJob (validation, dedupe,
 * postcode → area lookup, batched writes). Timed from reading the file to the finished job.
 */
export async function pipelineImport(database: Database, org: BenchOrganisation, csv: string): Promise<PipelineResult> {
  const { db } = database;
  const { accountId } = await benchAccount({ db, secret: 'bench-import-secret' }, org.rootId, 'national_admin');
  const actor: Actor = { accountId, email: '', displayName: 'Bench importer', grants: await loadGrants(db, accountId), via: 'token' };
  const t0 = performance.now();
  const { job } = await uploadImport(db, actor, { unitId: org.rootId, fileName: basename(csv), bytes: readFileSync(csv) });
  const started = await startImport(db, actor, job, job.mapping as Mapping);
  const t1 = performance.now();
  const outcome = await runStoredJob(db, started.id);
  const t2 = performance.now();
  const [done] = await db.select().from(importJobs).where(eq(importJobs.id, job.id));
  if (outcome !== 'completed') throw new Error(`import ${outcome}: ${done?.failureMessage ?? ''}`);
  const counts = { created: done!.createdCount, updated: done!.updatedCount, unchanged: done!.unchangedCount, errors: done!.errorCount };
  return {
    seconds: (t2 - t0) / 1000,
    runSeconds: (t2 - t1) / 1000,
    how: 'uploadImport → startImport → runStoredJob',
    note: `created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, errors ${counts.errors}; upload ${((t1 - t0) / 1000).toFixed(1)} s, run ${((t2 - t1) / 1000).toFixed(1)} s`,
    counts,
  };
}
