import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { badRequest, notFound } from '../../server/errors.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { importFiles, importJobs } from './schema.ts';
import type { ImportJobRow } from './present.ts';

/** A job the actor may import into (people.import on its unit), or 404 so ids are not confirmed. */
export async function loadJobFor(db: Db, actor: Actor, id: string): Promise<ImportJobRow> {
  const [job] = await db.select().from(importJobs).where(and(eq(importJobs.id, id), inScope(actor, 'people.import', importJobs.unitId))).limit(1);
  if (!job) throw notFound('Import');
  return job;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Compared at the precision the cursor carries (a JS date), so no job is skipped between pages.
const createdMs = sql`date_trunc('milliseconds', ${importJobs.createdAt})`;

/** The actor's visible import jobs, newest first, a page at a time. */
export async function listJobs(db: Db, actor: Actor, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const rows = await db
    .select()
    .from(importJobs)
    .where(
      and(
        inScope(actor, 'people.import', importJobs.unitId),
        after ? sql`(${createdMs}, ${importJobs.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(createdMs), desc(importJobs.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (j) => [j.createdAt.toISOString(), j.id]);
}

/** The stored file of a job, or null once it has been cleaned up. */
export async function loadJobFile(db: Db, jobId: string): Promise<string | null> {
  const [file] = await db.select({ content: importFiles.content }).from(importFiles).where(eq(importFiles.jobId, jobId));
  return file?.content ?? null;
}
