import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { runStoredJob } from './runStoredJob.ts';

// A running job moves its heartbeat with every batch; one this quiet was interrupted.
const STALE_AFTER = '2 minutes';

/**
 * Runs import jobs in the background of the server process. Jobs interrupted by a restart
 * (still `running`, heartbeat stale, file stored) are claimed and resumed at start; on
 * shutdown, running jobs stop between batches and are left to resume.
 */
export class ImportRunner {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Runs a job already set to `running`; does nothing if this process is running it. */
  start(jobId: string): void {
    if (this.running.has(jobId)) return;
    const controller = new AbortController();
    const done = runStoredJob(this.db, jobId, controller.signal)
      .then((outcome) => this.log.info({ jobId, outcome }, 'import finished'))
      .catch((err: unknown) => this.log.error({ err, jobId }, 'import failed'))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { controller, done });
  }

  /** Resolves when this process is no longer running the job. */
  async settled(jobId: string): Promise<void> {
    await this.running.get(jobId)?.done;
  }

  /** Claims and resumes interrupted jobs. */
  async resumeInterrupted(): Promise<number> {
    const claimed = await execute<{ id: string }>(this.db, sql`
      update import_jobs j set heartbeat_at = now()
      where j.status = 'running' and (j.heartbeat_at is null or j.heartbeat_at < now() - ${STALE_AFTER}::interval)
        and exists (select 1 from import_files f where f.job_id = j.id)
      returning j.id`);
    for (const { id } of claimed) this.start(id);
    return claimed.length;
  }

  /** Stops every running job between batches and waits for them. */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.controller.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}
